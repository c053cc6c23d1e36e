"""Import every model so `Base.metadata` is complete (for Alembic and for tests)."""

from regisseur_app.domain.analysis.models import KeyFigureValue, KeyIndicator, SocialEconomyType, SwotItem
from regisseur_app.domain.core.base import Base
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.core.settings import AppSetting
from regisseur_app.domain.events.models import AgendaItem, Event, EventParticipant, FollowUpAction
from regisseur_app.domain.kbo.models import (
    KboActivity,
    KboChange,
    KboCode,
    KboEnterprise,
    KboImport,
    KboPersonCount,
    KboPlace,
)
from regisseur_app.domain.mvo.models import MvoIndicator, MvoMaterial, MvoValue
from regisseur_app.domain.plan.models import (
    ActionLink,
    ActionMunicipality,
    Collaboration,
    CollaborationParty,
    Kpi,
    KpiTarget,
    KpiValue,
    Objective,
    PlanAction,
)
from regisseur_app.domain.referrals.models import Referral, ReferralAudit, ReferralStep
from regisseur_app.domain.reports.models import ReportComment, ReportLogEntry
from regisseur_app.domain.survey.models import (
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyRespondent,
    SurveyResponse,
    SurveySection,
)

__all__ = [
    "KeyFigureValue",
    "KeyIndicator",
    "SocialEconomyType",
    "SwotItem",
    "AgendaItem",
    "Event",
    "EventParticipant",
    "FollowUpAction",
    "MvoIndicator",
    "MvoMaterial",
    "MvoValue",
    "AppSetting",
    "Base",
    "CodeItem",
    "Contact",
    "Municipality",
    "Organisation",
    "Referral",
    "ReferralAudit",
    "ReferralStep",
    "ReportComment",
    "ReportLogEntry",
    "ActionLink",
    "ActionMunicipality",
    "Collaboration",
    "CollaborationParty",
    "Kpi",
    "KpiTarget",
    "KpiValue",
    "Objective",
    "PlanAction",
    "KboActivity",
    "KboChange",
    "KboCode",
    "KboEnterprise",
    "KboImport",
    "KboPersonCount",
    "KboPlace",
    "Survey",
    "SurveyAnswer",
    "SurveyOption",
    "SurveyQuestion",
    "SurveyRespondent",
    "SurveyResponse",
    "SurveySection",
]
