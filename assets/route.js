(function(){var q=new URLSearchParams(location.search);if(!q.has("embed")&&(q.get("view")||"").trim()==="together")location.replace("together.html"+location.search)})();
