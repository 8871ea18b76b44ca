/** The compare view in a chunk of its own, fetched the first time it is opened: the pane's first load stays small. */
export const loadComparePanel = () => import(/* webpackChunkName: "compare" */ './ComparePanel.js');
