import type { PlaybookFunction } from '../playbooks/playbook.dto';
import type { PlanPriority } from '../playbooks/playbook-plan';

interface DemoPlaybook {
  name: string;
  function: PlaybookFunction;
  description: string;
  plan: PlanPriority[];
}

const m = (title: string, offsetDays: number, weight = 1) => ({ title, offsetDays, weight });

/** The demo firm's three proven plans (offsets in days from the engagement's day 0). */
export const DEMO_PLAYBOOKS: readonly DemoPlaybook[] = [
  {
    name: 'CRO 90-day revenue engine',
    function: 'CRO',
    description:
      'The first quarter of a fractional CRO: a pipeline the board can trust, a sales team that can carry it, and a forecast within 10%.',
    plan: [
      {
        title: 'Build a qualified pipeline of 3x the quarterly target',
        description: 'Ideal customer profile, account list and outbound motion, measured weekly.',
        suggestedOwnerTitle: 'VP Sales',
        startOffsetDays: 0,
        targetOffsetDays: 90,
        milestones: [
          m('Pipeline audit and stage definitions agreed', 14),
          m('Ideal customer profile and top-100 account list', 21),
          m('Outbound sequences live for the top 100 accounts', 45, 2),
          m('Pipeline at 3x the quarterly target', 90, 3),
        ],
      },
      {
        title: 'Hire and ramp the sales team the plan needs',
        description: null,
        suggestedOwnerTitle: 'CEO',
        startOffsetDays: 7,
        targetOffsetDays: 90,
        milestones: [
          m('Hiring plan and compensation bands approved', 21),
          m('Two account executives signed', 60, 2),
          m('New hires through onboarding and certified', 90),
        ],
      },
      {
        title: 'A forecast within 10% of actuals',
        description: 'One forecast call, one set of stage rules, one number for the board.',
        suggestedOwnerTitle: 'CFO',
        startOffsetDays: 14,
        targetOffsetDays: 90,
        milestones: [
          m('Weekly forecast call in place', 28),
          m('CRM hygiene rules enforced', 42),
          m('Quarter closes within 10% of the forecast', 90, 2),
        ],
      },
    ],
  },
  {
    name: 'CMO pipeline rebuild',
    function: 'CMO',
    description:
      'When marketing no longer feeds sales: one buyer, one message, and a demand engine that sources a third of the pipeline in six months.',
    plan: [
      {
        title: 'Reposition for the economic buyer',
        description: 'Win/loss interviews, a messaging house and a website that says it.',
        suggestedOwnerTitle: 'CEO',
        startOffsetDays: 0,
        targetOffsetDays: 75,
        milestones: [
          m('Twelve win/loss interviews done', 21),
          m('Messaging house approved by the leadership team', 45, 2),
          m('Website relaunched on the new message', 75, 2),
        ],
      },
      {
        title: 'Marketing-sourced pipeline at 30%',
        description: null,
        suggestedOwnerTitle: 'VP Sales',
        startOffsetDays: 14,
        targetOffsetDays: 180,
        milestones: [
          m('Lead scoring and hand-off rules agreed with sales', 30),
          m('Marketing automation and attribution in place', 60),
          m('First two demand campaigns live', 90, 2),
          m('30% of new pipeline sourced by marketing', 180, 3),
        ],
      },
      {
        title: 'Proof that sells: customer stories',
        description: null,
        suggestedOwnerTitle: 'Head of Customer Success',
        startOffsetDays: 30,
        targetOffsetDays: 120,
        milestones: [m('Three reference customers signed up', 60), m('Three case studies published', 120, 2)],
      },
    ],
  },
  {
    name: 'CPO roadmap reset',
    function: 'CPO',
    description:
      'When the roadmap is a wish list: discovery with the customers that matter, a roadmap the company believes, and the first release on it.',
    plan: [
      {
        title: 'Discovery with the customers that matter',
        description: 'Twenty interviews with the top accounts, synthesised into the problems worth solving.',
        suggestedOwnerTitle: 'CTO',
        startOffsetDays: 0,
        targetOffsetDays: 45,
        milestones: [m('Twenty customer interviews done', 30), m('Opportunity map reviewed with leadership', 45, 2)],
      },
      {
        title: 'A roadmap the company believes',
        description: null,
        suggestedOwnerTitle: 'CEO',
        startOffsetDays: 30,
        targetOffsetDays: 90,
        milestones: [
          m('Product principles and outcome metrics agreed', 50),
          m('Now / next / later roadmap published', 70, 2),
          m('Roadmap review cadence with sales and success', 90),
        ],
      },
      {
        title: 'Ship the first release on the new roadmap',
        description: null,
        suggestedOwnerTitle: 'VP Engineering',
        startOffsetDays: 60,
        targetOffsetDays: 150,
        milestones: [m('Beta with three design partners', 120, 2), m('General availability', 150, 3)],
      },
    ],
  },
];
