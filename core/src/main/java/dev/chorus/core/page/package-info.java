/**
 * Cursor pagination: {@link dev.chorus.core.page.PageRequest} (an opaque cursor and a limit,
 * validated) and {@link dev.chorus.core.page.Page} (the items and the cursor of the next page).
 * Cursors are the last row's time-sortable id, encoded so clients treat them as opaque.
 */
package dev.chorus.core.page;
