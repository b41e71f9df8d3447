import numpy as np

from search_app.highlight import best_sentence, encoder_scorer
from tests.search_app.retrieval_fakes import CharEncoder

TEXT = "（一）强化组织领导。县直各有关单位要高度重视。\n建立养老服务联席会议制度，定期研究解决问题；加强督导检查。"


def test_token_overlap_picks_the_answering_sentence():
    s, e = best_sentence("联席会议制度", TEXT)
    assert TEXT[s:e] == "建立养老服务联席会议制度，定期研究解决问题；"


def test_encoder_similarity_picks_the_answering_sentence():
    s, e = best_sentence("督导检查", TEXT, scorers=[encoder_scorer(CharEncoder(), "督导检查")])
    assert TEXT[s:e] == "加强督导检查。"


def test_empty_text_gives_an_empty_span():
    assert best_sentence("任何问题", "  ") == (0, 0)


def test_encoders_and_word_overlap_add_up():
    """A sentence that both the encoder and the shared words favour beats one only the encoder likes."""

    class Prefers:  # an encoder that rates the last sentence best and the second next
        def encode(self, sentences):
            return np.array([[0.0], [0.8], [1.0]][: len(sentences)], dtype=np.float32)

        def encode_query(self, _query):
            return np.array([1.0], dtype=np.float32)

    text = "开展培训。建立联席会议制度。加强检查。"
    s, e = best_sentence("联席会议", text, scorers=[encoder_scorer(Prefers(), "联席会议")])
    assert text[s:e] == "建立联席会议制度。"
    s, e = best_sentence("无关", text, scorers=[encoder_scorer(Prefers(), "无关")])
    assert text[s:e] == "加强检查。"


def test_stored_sentence_vectors_are_used_instead_of_encoding():
    text = "开展培训。建立联席会议制度。加强检查。"
    stored = CharEncoder().encode(["开展培训。", "建立联席会议制度。", "加强检查。"])
    enc = CharEncoder()
    s, e = best_sentence("检查", text, scorers=[encoder_scorer(enc, "检查", lambda n: stored if n == 3 else None)])
    assert text[s:e] == "加强检查。"
    assert enc.calls == 1, "only the query is encoded"
