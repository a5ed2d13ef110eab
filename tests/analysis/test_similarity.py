from __future__ import annotations

import subprocess
import sys

import numpy as np

from newsbrief.analysis.similarity import embed


def test_loading_wordllama_leaves_the_root_logger_as_it_was() -> None:
    """wordllama's import calls logging.basicConfig(level=INFO); left so, `newsbrief eval` printed
    rouge-score's "INFO:absl:Using default tokenizer." on stderr once summaries used it."""
    script = (
        "import logging\n"
        "from newsbrief.analysis.similarity import load_wordllama\n"
        "load_wordllama()\n"
        "root = logging.getLogger()\n"
        "print(len(root.handlers), root.level)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "30"]
    assert result.stderr == ""


def test_two_wordings_of_one_statement_are_closer_than_two_statements() -> None:
    """The sentences of the BASIL story of Clinton's trade remarks that the neutral summary must
    not both take, against one of them and another line of the same story."""
    urged = (
        "Hillary Rodham Clinton on Sunday urged President Obama to listen to congressional Democrats"
        " – particular the House minority leader, Nancy Pelosi – and make changes to the"
        " Trans-Pacific Partnership trade deal."
    )
    encouraged = (
        "Democratic presidential hopeful Hillary Clinton encouraged President Barack Obama on Sunday"
        " to listen to House Minority Leader Nancy Pelosi (D) on trade."
    )
    other = (
        "The White House and Republican leaders in Congress now face long odds in trying to revive"
        " the trade legislation after congressional Democrats helped defeat a job retraining program."
    )
    vectors = embed([urged, encouraged, other])
    assert vectors.shape == (3, 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.1
