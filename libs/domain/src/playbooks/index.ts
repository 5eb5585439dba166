export * from './playbook.dto';
export * from './playbook-plan';
export * from './playbooks.service';
