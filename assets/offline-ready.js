"serviceWorker"in navigator&&navigator.serviceWorker.ready.then(function(){document.documentElement.setAttribute("data-offline","ready")});
