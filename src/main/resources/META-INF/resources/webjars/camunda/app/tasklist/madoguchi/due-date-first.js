// Tasklist lists a filter's tasks by creation date unless the address names another order. The desk works by due
// date: when the address names no order, this adds "due date, earliest first". A user's own choice stays.
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function preferDueDate() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#' + (path || '/') + '?' + params.toString());
}

preferDueDate();
window.addEventListener('hashchange', preferDueDate);

export default {};
