<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Dutch for strings of Qt 6's own dialogs that the shipped qtbase_nl.qm lacks (the file dialog's
     "&Look in:" and "Files of &type:" are newer strings). Compile: pyside6-lrelease qt_extra_nl.ts -->
<TS version="2.1" language="nl_BE">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Zoeken in:</translation></message>
    <message><source>Look in:</source><translation>Zoeken in:</translation></message>
    <message><source>Files of &amp;type:</source><translation>Bestands&amp;type:</translation></message>
    <message><source>Files of type:</source><translation>Bestandstype:</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><translation>Map</translation></message>
    <message><source>File</source><translation>Bestand</translation></message>
    <message><source>Drive</source><translation>Station</translation></message>
    <message><source>%1 File</source><translation>%1-bestand</translation></message>
</context>
</TS>
