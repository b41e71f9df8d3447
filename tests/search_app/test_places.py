"""Which documents a question names by place: full, short and pinyin names."""

from __future__ import annotations

from ingest.model import Document
from search_app.places import named_documents, pinyin_of, short_name

DOCS = [
    Document(doc="东政办字〔2023〕26号", title="t", region="东阿县", city="聊城市", province="山东省", level="county"),
    Document(doc="宿区政办发〔2024〕3号", title="t", region="宿城区", city="宿迁市", province="江苏省", level="county"),
    Document(doc="郯政办字〔2025〕20号", title="t", region="郯城县", city="临沂市", province="山东省", level="county"),
]


def test_short_name_and_pinyin():
    assert short_name("东阿县") == "东阿" and short_name("莘县") == "莘县"
    assert pinyin_of("东阿") == "donge" and pinyin_of("宿城") == "sucheng"


def test_chinese_full_and_short_names():
    assert named_documents("东阿县高龄津贴由哪个部门牵头", DOCS) == {"东政办字〔2023〕26号"}
    assert named_documents("郯城的敬老院改造", DOCS) == {"郯政办字〔2025〕20号"}
    assert named_documents("东阿和宿城的助餐点", DOCS) == {"东政办字〔2023〕26号", "宿区政办发〔2024〕3号"}


def test_english_names_in_pinyin():
    assert named_documents("Which department leads this in Dong'e County?", DOCS) == {"东政办字〔2023〕26号"}
    assert named_documents("How many points will Su Cheng build?", DOCS) == {"宿区政办发〔2024〕3号"}
    assert named_documents("Does the plan mention a sucheng-style model?", DOCS) == {"宿区政办发〔2024〕3号"}


def test_a_city_above_counties_or_no_place_names_nothing():
    assert named_documents("临沂市的养老服务补贴标准", DOCS) == set()
    assert named_documents("各地养老服务设施配建标准", DOCS) == set()
    assert named_documents("Which department leads data publication?", DOCS) == set()


def test_naming_every_document_prefers_none():
    assert named_documents("东阿、宿城、郯城三地比较", DOCS) == set()
