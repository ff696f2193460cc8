/**
 * The script a reading page (a lesson, prerendered, with no app script) carries right after
 * each place kept for the local contacts: it fills that place from this device's storage,
 * as fillLocalContacts (fill.ts) does in pages drawn in the browser, writing text only.
 * Written small by hand, in old JavaScript, because it is copied into the page.
 */
import { MAX_CONTACTS, REFERRAL_FORMAT } from './contacts';
import { CONTACT_PARTS } from './fill';
import { REFERRAL_KEY } from './storage';

const fields = JSON.stringify(CONTACT_PARTS.map(([field]) => field));
const classes = JSON.stringify(CONTACT_PARTS.map(([, className]) => className));

export const localContactsScript =
	'(function(s){try{var b=s&&s.previousElementSibling,' +
	`d=JSON.parse(localStorage.getItem("${REFERRAL_KEY}")),` +
	`c=d&&d.format=="${REFERRAL_FORMAT}"&&d.contacts,e,u,l,p,t,i,k;` +
	'if(!b||!c||!c.length)return;' +
	'e=b.querySelectorAll("[data-when-empty]");for(i=0;i<e.length;i++)e[i].hidden=true;' +
	'u=document.createElement("ul");u.className="local-list";' +
	`for(i=0;i<c.length&&i<(+b.getAttribute("data-max")||${MAX_CONTACTS});i++){` +
	'l=document.createElement("li");' +
	`for(k=0;k<3;k++){t=c[i]&&c[i][${fields}[k]];if(typeof t!="string"||!t)continue;` +
	`p=document.createElement("span");p.className=${classes}[k];p.textContent=t.slice(0,200);` +
	'l.appendChild(p);l.appendChild(document.createTextNode(" "))}' +
	'u.appendChild(l)}b.appendChild(u)}catch(x){}})(document.currentScript)';
