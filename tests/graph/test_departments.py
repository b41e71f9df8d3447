"""Department mentions qualified with their jurisdiction."""

from __future__ import annotations

import pytest

from graph.departments import jurisdiction, preferred_name, qualified_name
from ingest.model import Document

COUNTY = Document(doc="东政办字〔2023〕26号", title="t", region="东阿县", city="聊城市", province="山东省")
COUNTY_CITY = Document(doc="x〔2023〕1号", title="t", region="乐陵市", city="德州市", province="山东省")


@pytest.mark.parametrize("name, place, full", [
    ("县民政局", "东阿县", "东阿县民政局"),
    ("民政局", "东阿县", "东阿县民政局"),
    ("县委社会工作部", "东阿县", "东阿县委社会工作部"),
    ("市民政局", "聊城市", "聊城市民政局"),
    ("省民政厅", "山东省", "山东省民政厅"),
    ("市场监管局", "东阿县", "东阿县市场监管局"),
    ("聊城市民政局", "聊城市", "聊城市民政局"),
    ("东阿县财政局", "东阿县", "东阿县财政局"),
])
def test_mentions_are_qualified_in_the_documents_context(name, place, full):
    assert jurisdiction(name, COUNTY) == place
    assert qualified_name(name, COUNTY) == full


def test_city_office_in_a_county_level_city_is_its_own():
    assert jurisdiction("市民政局", COUNTY_CITY) == "乐陵市"
    assert qualified_name("市民政局", COUNTY_CITY) == "乐陵市民政局"


def test_preferred_name_favours_formal_frequent_names():
    assert preferred_name(["东阿县民政部门", "东阿县民政局", "东阿县民政"]) == "东阿县民政局"
    assert preferred_name([]) is None
