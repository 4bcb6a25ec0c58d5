"""Hostile strings that curators (or files they import) can put in exhibit text.

Each is stored and shown literally: never interpreted as HTML, script, template
placeholders or paths.  ``MARKERS`` are substrings whose presence in parsed HTML
as markup (not text) would mean a payload was interpreted.
"""
from __future__ import annotations

LONG = "长" * 50_000 + "<script>alert('long')</script>" + "x" * 49_970  # 100,000 characters

PAYLOADS: list[str] = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    "<iframe srcdoc=\"<script>alert(5)</script>\"></iframe>",
    "<a href=\"javascript:alert(6)\">click</a>",
    "JaVaScRiPt:alert(7)",
    "<body onload=alert(8)>",
    "<details open ontoggle=alert(9)>",
    "\"><script>alert(10)</script>",
    "'><img src=x onerror=alert(11)>",
    "</title><script>alert(12)</script>",
    "</textarea><script>alert(13)</script>",
    "</script><script>alert(14)</script>",
    "<!--<script>alert(15)</script>-->",
    "<style>body{background:url(javascript:alert(16))}</style>",
    "<div style=\"width:expression(alert(17))\">css</div>",
    "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxOCk8L3NjcmlwdD4=\"></object>",
    "<a href=\"data:text/html,<script>alert(19)</script>\">d</a>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<img src=\"https://evil.example/pixel.png\">",
    "${alert(20)}",
    "`${alert(21)}`",
    "{{TITLE}}{{INSTITUTION}}{{FINGERPRINT}}",
    "{{constructor.constructor('alert(22)')()}}",
    "<%= 7*7 %> #{7*7} {7*7}",
    "&lt;script&gt;alert(23)&lt;/script&gt; &amp; &#60;b&#62;",
    "\u202eRLO: txt.exe\u202c and \u202dLRO\u202c",
    "zero\u200bwidth\u200cjoin\u200dchars\ufeff",
    "👩‍👩‍👧‍👦 family, 🏳️‍🌈 flag, 👍🏽 tone",
    "NUL\u0000inside and \u0007 bell \u001b[31m escape",
    "مرحبا بالعالم — نقش على الحافة",
    "שלום עולם — כתובת על השפה",
    "混合 mixed עברית العربية text",
    "line1\nline2\r\nline3\ttab",
    "\\\"quote\\\" \\u003cscript\\u003e",
    "' OR 1=1 -- ; DROP TABLE exhibits;",
    "../../../../etc/passwd",
    "%3Cscript%3Ealert(24)%3C%2Fscript%3E",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(25)>",
    "长" * 1000 + "<b>long</b>" + "x" * 989,  # 2,000 characters: the schema's limit for short text
]

# 100,000 characters fit only long text (annotation bodies, descriptions: up to 200,000).
LONG_FIELDS_ONLY = [LONG]

# Lone surrogates are valid in JSON text ("\ud800") but cannot be encoded as UTF-8.
LONE_SURROGATES = ["lone \ud800 high", "lone \udfff low"]

assert len(PAYLOADS) >= 30
