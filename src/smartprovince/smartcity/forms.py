from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from smartprovince.core.forms import ThaiDateInput
from smartprovince.core.models import Area
from smartprovince.core.templatetags.thai import tr

from .models import Domain, Initiative, InitiativeLink, Sector

DATE = ThaiDateInput(format="%Y-%m-%d")


class InitiativeForm(forms.ModelForm):
    domains = forms.ModelMultipleChoiceField(Domain.objects.all(), label=_("ด้านเมืองอัจฉริยะ (depa)"), widget=forms.CheckboxSelectMultiple)
    sectors = forms.ModelMultipleChoiceField(Sector.objects.all(), label=_("ภาคส่วนที่ส่งเสริม"), widget=forms.CheckboxSelectMultiple)
    districts = forms.ModelMultipleChoiceField(Area.objects.none(), label=_("อำเภอที่ดำเนินการ"), required=False,
                                               widget=forms.CheckboxSelectMultiple)

    website = forms.URLField(label=_("เว็บไซต์"), required=False, assume_scheme="https")

    class Meta:
        model = Initiative
        fields = ["title_th", "title_en", "summary_th", "domains", "sectors", "kind", "status", "started_on",
                  "operating_since", "certified_on", "ended_on", "districts", "website", "is_published"]
        widgets = dict.fromkeys(("started_on", "operating_since", "certified_on", "ended_on"), DATE) | {
            "summary_th": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["districts"]).queryset = Area.objects.filter(level=Area.Level.DISTRICT).order_by("name_th")
        for name in ("domains", "sectors", "districts"):
            # English name on English pages (the reference data has both)
            cast(forms.ModelMultipleChoiceField, self.fields[name]).label_from_instance = tr  # type: ignore[method-assign]


class LinkForm(forms.ModelForm):
    website = forms.URLField(label=_("เว็บไซต์"), required=False, assume_scheme="https")

    class Meta:
        model = InitiativeLink
        fields = ["kind", "title_th", "reference", "url"]
