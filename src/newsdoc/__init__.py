"""newsdoc: scraped Chinese news files (Jekyll, Hexo, portal dumps, bare text) to clean, typed documents.

>>> import newsdoc
>>> doc = newsdoc.parse("临江新区今日开通首条智轨线路\\n\\n记者从临江市交通局获悉，新线全长十二公里。\\n".encode())
>>> doc.variant, doc.title
(<Variant.PLAIN: 'plain'>, '临江新区今日开通首条智轨线路')
"""

from ._errors import DecodeError, FrontMatterError, InputError, NewsdocError
from ._model import Block, BlockKind, Detection, Diagnostic, Document, Image, Removal, Variant
from ._parse import detect, parse, parse_file
from ._rules import MARKUP_RULES, TEXT_RULES, MarkupRule, TextRule

__version__ = "0.1.0"

__all__ = [
    "MARKUP_RULES",
    "TEXT_RULES",
    "Block",
    "BlockKind",
    "DecodeError",
    "Detection",
    "Diagnostic",
    "Document",
    "FrontMatterError",
    "Image",
    "InputError",
    "MarkupRule",
    "NewsdocError",
    "Removal",
    "TextRule",
    "Variant",
    "__version__",
    "detect",
    "parse",
    "parse_file",
]
