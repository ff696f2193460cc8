/** A contact of content/contacts.yml (1288), already in the page's language, as help blocks show it. */
export interface HelpContact {
	id: string;
	number: string;
	name: string;
	when: string;
}
