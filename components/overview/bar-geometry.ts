/** The bar list's geometry, shared by its skeleton (first load) and its recharts plot (loaded after the page). */
export const ROW = 34; // px per bar: the label line above, the bar below
export const BAR = 9; // bar thickness
export const TOP = 6; // space above the first row
