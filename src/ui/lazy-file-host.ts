/**
 * The FileHost with the file readers and writers (zip, BIFF, the .xlsx editor) in a chunk of its own: inside Excel
 * the pane never opens a file, so its first load does not carry them. Tests replace this module (jest runs without
 * dynamic import); the browser tests load the real chunk.
 */
export const loadFileHost = () => import(/* webpackChunkName: "file-host" */ '../hosts/file/file-host.js');
