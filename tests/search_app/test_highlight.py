from search_app.highlight import best_sentence
from tests.search_app.retrieval_fakes import CharEncoder

TEXT = "（一）强化组织领导。县直各有关单位要高度重视。\n建立养老服务联席会议制度，定期研究解决问题；加强督导检查。"


def test_token_overlap_picks_the_answering_sentence():
    s, e = best_sentence("联席会议制度", TEXT)
    assert TEXT[s:e] == "建立养老服务联席会议制度，定期研究解决问题；"


def test_encoder_similarity_picks_the_answering_sentence():
    s, e = best_sentence("督导检查", TEXT, encoder=CharEncoder())
    assert TEXT[s:e] == "加强督导检查。"


def test_empty_text_gives_an_empty_span():
    assert best_sentence("任何问题", "  ") == (0, 0)
