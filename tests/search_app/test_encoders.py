import numpy as np
import pytest

from search_app.encoders import create_encoder, normalize
from tests.search_app.retrieval_fakes import CharEncoder


def test_encode_returns_unit_float32_rows_in_input_order():
    enc = CharEncoder()
    texts = ["养老服务", "孝善食堂", "养老服务"]
    v = enc.encode(texts, batch_size=2)
    assert v.shape == (3, enc.dim) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(v[0], v[2])
    np.testing.assert_allclose(enc.encode_query("孝善食堂"), v[1], rtol=1e-6)


def test_normalize_keeps_zero_rows_finite():
    out = normalize(np.array([[3.0, 4.0], [0.0, 0.0]]))
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0]])


def test_unknown_encoder_spec_says_what_to_pass(tmp_path):
    with pytest.raises(ValueError, match="m3e-small"):
        create_encoder(str(tmp_path / "no-such-model"))
