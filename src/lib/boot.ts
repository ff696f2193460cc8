/**
 * The one script every page runs first, inline in its head, before anything is drawn and
 * whether or not the page loads the app's scripts (reading pages do not):
 * - The app opens in the language last used. Opened from outside (the home screen, a typed
 *   address) at "/", a Khmer reader goes straight to the Khmer pages; any page visited
 *   records its language.
 * - It registers the offline service worker once the page has loaded and the browser is
 *   idle, so a reading page reached first (a shared lesson address) also makes the app
 *   available offline, without slowing the page itself.
 * - The station link a trainer shares (`/quiz#station-key=…`) opens the station page,
 *   which installs the key; the quiz list itself is a reading page with no scripts.
 * It is written small by hand because it is copied into every prerendered page.
 */
export const LANGUAGE_KEY = 'smc.lang';

export const bootScript =
	'try{var p=location.pathname,l=p=="/km"||p.indexOf("/km/")==0?"km":"en";' +
	'if((p=="/quiz"||p=="/km/quiz")&&location.hash.indexOf("#station-key=")==0)' +
	'location.replace((l=="km"?"/km":"")+"/station"+location.hash);else ' +
	'if(p=="/"&&document.referrer.indexOf(location.origin+"/")!=0&&' +
	`localStorage.getItem("${LANGUAGE_KEY}")=="km")location.replace("/km");` +
	`else localStorage.setItem("${LANGUAGE_KEY}",l)}catch(e){}` +
	'if("serviceWorker"in navigator&&isSecureContext)addEventListener("load",function(){' +
	'(self.requestIdleCallback||setTimeout)(function(){' +
	'navigator.serviceWorker.register("/service-worker.js").catch(function(){})})})';
