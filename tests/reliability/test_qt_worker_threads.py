"""A worker thread running Python (file-system calls, imports) while the GUI thread calls Qt must not
break the interpreter. With PySide6 6.12.0 every call from Qt into Python made while a worker runs
takes one reference from None; on Python 3.11 the process then aborts with "Fatal Python error:
none_dealloc" after a few thousand calls. regisseur_app.ui makes None immortal on 3.11 (as 3.12 is);
without that this test fails there. The script imports the app's Qt package first, as the app does."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, threading
    import regisseur_app.ui  # noqa: F401  (as the app: its Qt package first)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("x")
    label.show()
    ticks = [0]

    def tick():
        ticks[0] += 1
        label.setText(str(ticks[0]))

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(0)
    done = []

    def work():  # what a background job does: many short system calls, some imports
        for i in range(40000):
            os.path.exists(f"/nonexistent/regisseur-{i}")
        for i in range(300):
            try:
                __import__(f"regisseur_no_such_module_{i}")
            except ImportError:
                pass
        done.append(True)

    worker = threading.Thread(target=work)
    worker.start()
    poll = QTimer()
    poll.timeout.connect(lambda: done and app.quit())
    poll.start(10)
    app.exec()
    worker.join()
    print("ticks", ticks[0])
""")


def test_a_worker_thread_beside_qt_calls_leaves_the_interpreter_intact(tmp_path):
    script = tmp_path / "worker_beside_qt.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(2):  # the defect shows every time on 6.12.0; twice to be sure
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "none_dealloc" not in done.stderr
        assert int(done.stdout.split()[-1]) > 0  # the GUI thread really ran beside the worker
