"""Import every model so `Base.metadata` is complete (for Alembic and for tests)."""

from regisseur_app.domain.base import Base
from regisseur_app.domain.codelists import CodeItem
from regisseur_app.domain.municipalities import Municipality
from regisseur_app.domain.organisations import Contact, Organisation
from regisseur_app.domain.settings import AppSetting

__all__ = ["AppSetting", "Base", "CodeItem", "Contact", "Municipality", "Organisation"]
