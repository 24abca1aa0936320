"""The Vietnamese alphabet as regular-expression character ranges.

``[À-Ỹ]`` looks like "capital letters with marks" but is a code-point range: it holds the small letters too (à is
U+00E0, ư U+01B0, ạ U+1EA1), so a pattern meant to find a capital would accept "đề" or "ủy". These list the letters
themselves, for use inside brackets: ``"[" + UPPER + "]"``.
"""

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
