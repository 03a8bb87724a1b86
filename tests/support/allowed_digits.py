"""Tokens with digits that the chapters' prose may type by hand (tests/support/digits.py).

Only what no change of data can make wrong belongs here: the article's own date, and names of
things that happen to hold digits. A count, a figure, a year or the date of an event in a
sentence is glued from the code. A phrase is matched as a whole, across a line break too.
"""

ALLOWED = {
    "2005": "the article's date (NATO Review, Winter 2005): fixed by the article, not by the data",
    "AS-28": "the name of the Russian mini-submarine the article names",
    "9/11": "the name every source gives the attacks of 11 September 2001",
    "Scorpio 45": "the name of the British remotely operated vehicle that freed the AS-28",
    "F-16s": "the name of the aircraft type (Belgian F-16s opened Baltic Air Policing)",
    "T-64": "the name of a Soviet tank model (those destroyed in Moldova)",
    "WGS84": "the name of the ellipsoid geodesics are measured on (a standard, not a result)",
}
