"""`site/index.html`: send a visitor to the tree of their browser's language.

With scripts off it is a plain page of three links.
"""
from __future__ import annotations

LANDING = """<!doctype html>
<html lang="mul">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>aigov-reader — 人工智能治理文本读本</title>
<script>
(function () {
  var languages = navigator.languages || [navigator.language || ""];
  var tree = "en";
  for (var i = 0; i < languages.length; i++) {
    var tag = (languages[i] || "").toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(tag)) { tree = "zh-Hant"; break; }
    if (/^zh/.test(tag)) { tree = "zh-Hans"; break; }
    if (/^en/.test(tag)) { tree = "en"; break; }
  }
  location.replace(tree + "/" + location.hash);
})();
</script>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6; }
a { display: block; font-size: 1.25rem; margin: 0.5rem 0; }
</style>
</head>
<body>
<h1>aigov-reader</h1>
<p>China's AI-governance texts in Chinese and English. 中国人工智能治理文本，中英对照。</p>
<a href="zh-Hans/" hreflang="zh-Hans" lang="zh-Hans">简体中文</a>
<a href="zh-Hant/" hreflang="zh-Hant" lang="zh-Hant">繁體中文</a>
<a href="en/" hreflang="en" lang="en">English</a>
</body>
</html>
"""


def landing_page() -> str:
    return LANDING
