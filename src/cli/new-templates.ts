/** The journey templates of `cjm new journey`, each a file in templates/ named after it; the first is the default. */
export const TEMPLATES = ['current', 'future', 'day-in-the-life', 'service-blueprint', 'b2b'] as const;
export type Template = (typeof TEMPLATES)[number];

/** One line each, for the questions `cjm new` asks. */
export const TEMPLATE_SUMMARIES: Record<Template, string> = {
	current: 'how the journey goes today',
	future: 'how it should go once the ideas are built',
	'day-in-the-life': 'the customer’s whole day, each touchpoint with a time',
	'service-blueprint': 'with backstage and support lanes',
	b2b: 'two personas, such as a buyer and a user',
};
