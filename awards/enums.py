from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardKindCode(models.TextChoices):
    GIAY_KHEN_XA = "giay_khen_xa", _("Commune chairman's certificate of merit")
    BANG_KHEN_TINH = "bang_khen_tinh", _("Provincial chairman's certificate")
    DOT_XUAT = "dot_xuat", _("Ad-hoc award")


class Category(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")
