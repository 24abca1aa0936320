"""Reading Vietnamese official letters: ``Extractor().extract(text)`` -> ``Extraction``.

No I/O and no clock here; any model is loaded once in ``Extractor.__init__``.
"""

from nlp.extraction import Extraction
from nlp.extractor import Extractor
from nlp.textnorm import normalize

__all__ = ["Extraction", "Extractor", "normalize"]
