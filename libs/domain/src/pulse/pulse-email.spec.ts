import { pulseEmail } from './pulse-email';

describe('pulseEmail', () => {
  const base = {
    name: 'Chris <Client>',
    clientName: 'Acme Robotics',
    function: 'CRO',
    publicUrl: 'https://app.example/',
    engagementId: 'e-1',
  };
  it('a priority achieved: says which, links to the engagement, escapes the HTML', () => {
    const email = pulseEmail({ ...base, reason: 'priority_achieved', priorityTitle: 'Pipeline rebuild' });
    expect(email.subject).toBe('How satisfied are you with progress? (Acme Robotics · CRO)');
    expect(email.text).toContain('“Pipeline rebuild” was just achieved.');
    expect(email.text).toContain('https://app.example/engagements/e-1');
    expect(email.html).toContain('Chris &lt;Client&gt;');
  });
  it('monthly', () => {
    expect(pulseEmail({ ...base, reason: 'monthly', priorityTitle: null }).text).toContain('Our monthly question');
  });
});
