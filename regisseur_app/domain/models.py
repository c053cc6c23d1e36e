"""Import every model so `Base.metadata` is complete (for Alembic and for tests)."""

from regisseur_app.domain.analysis_models import KeyFigureValue, KeyIndicator, SocialEconomyType, SwotItem
from regisseur_app.domain.base import Base
from regisseur_app.domain.codelists import CodeItem
from regisseur_app.domain.event_models import AgendaItem, Event, EventParticipant, FollowUpAction
from regisseur_app.domain.municipalities import Municipality
from regisseur_app.domain.organisations import Contact, Organisation
from regisseur_app.domain.referral_models import Referral, ReferralAudit, ReferralStep
from regisseur_app.domain.settings import AppSetting

__all__ = ["KeyFigureValue", "KeyIndicator", "SocialEconomyType", "SwotItem", "AgendaItem", "Event", "EventParticipant", "FollowUpAction", "AppSetting", "Base", "CodeItem", "Contact", "Municipality", "Organisation", "Referral", "ReferralAudit", "ReferralStep"]
