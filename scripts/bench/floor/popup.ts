/** The empty popup: one line painted by a script, the least an extension popup can show. */
const line = document.createElement('p');
// The bench's popup probe waits for `.rr-quiet`, as it does for Refund Radar's "nothing needs you" line.
line.className = 'rr-quiet';
line.textContent = 'Nothing needs you.';
document.body.append(line);
