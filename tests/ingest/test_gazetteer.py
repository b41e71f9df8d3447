"""The national gazetteer: counties and cities of every province, curated entries on top."""

from __future__ import annotations

import pytest

from ingest.gazetteer import city_of, gazetteer, national_table, province_of


@pytest.mark.parametrize(
    ("county", "city", "province"),
    [("衢江区", "衢州市", "浙江省"), ("新野县", "南阳市", "河南省"), ("东阿县", "聊城市", "山东省"),
     ("临清市", "聊城市", "山东省"), ("东城区", "北京市", "北京市")],
)
def test_county_to_city_to_province_across_china(county, city, province):
    assert city_of(county) == city
    assert province_of(city) == province


def test_table_covers_the_country():
    g = gazetteer()
    assert len(set(g["cities"].values())) >= 30
    assert len(g["counties"]) > 2000


def test_shared_county_names_are_left_out_unless_curated():
    assert city_of("鼓楼区") is None  # 南京, 福州, 徐州, 开封 … all have one
    assert national_table()["counties"].get("河东区") is None  # 临沂 and 天津
    assert city_of("河东区") == "临沂市"  # curated: the 临沂 district of our corpus


def test_renamed_county_found_by_stem_but_a_city_is_not_a_county():
    assert city_of("淮阳县") == city_of("淮阳区") == "周口市"
    assert city_of("淮安市") is None  # a prefecture city, though 淮安区 exists


def test_county_that_became_a_county_level_city_after_the_adcode_list():
    from ingest.gazetteer import city_of

    assert city_of("库车市") == "阿克苏地区" and city_of("同仁市") == "黄南藏族自治州"
    assert city_of("淮安市") is None, "a prefecture city is not a county"
