import pytest

from search_app.intent import detect_intent, policy_numbers


@pytest.mark.parametrize(
    "question,intent",
    [
        ("居家养老服务由哪个部门牵头？", "department"),
        ("谁负责养老机构消防安全检查", "department"),
        ("Which department is in charge of elderly meal services?", "department"),
        ("护理型床位占比要达到多少", "target"),
        ("到2025年建成几个区域性养老服务中心", "target"),
        ("How many nursing beds should each town provide?", "target"),
        ("落实国办发〔2019〕5号的文件有哪些", "citation"),
        ("这个方案依据哪些上级文件制定", "citation"),
        ("这份方案贯彻落实的是哪些省、市文件", "citation"),
        ("哪个县的文件规定了助餐补贴", "text"),
        ("社区助餐服务怎么开展", "text"),
    ],
)
def test_detect_intent(question: str, intent: str):
    assert detect_intent(question).name == intent


def test_citation_wins_over_target_when_a_policy_is_named():
    assert detect_intent("落实鲁政办发[2022]18号要建多少床位").name == "citation"


def test_policy_numbers_normalize_brackets_and_cut_leading_words():
    q = "依据鲁政办发[2022]18号和国办发（2019）5号，以及落实某县政办发〔2021〕7号"
    assert policy_numbers(q, known=["某县政办发〔2021〕7号"]) == [
        "鲁政办发〔2022〕18号", "国办发〔2019〕5号", "某县政办发〔2021〕7号"]
