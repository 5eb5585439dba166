// Generated from the API's OpenAPI document by `npm run web:api-types` (test/web/api-types.e2e-spec.ts). Do not edit.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability (public; 503 when the database is down) */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drift alerts you may see, worst first; filter by status, severity, rule, engagement, client */
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert with its history */
        get: operations["AlertsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Silence the alert until it escalates (admin, account manager, executive) */
        post: operations["AlertsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve with a note (admin, account manager, executive); it re-opens if the condition persists */
        post: operations["AlertsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge or resolve many alerts at once, all or nothing (admin, account manager, executive); resolve needs a note */
        post: operations["AlertsController_bulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed what, when, before and after (admin) */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with email and password */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session (or, without a refresh token, every session) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a single-use password reset link (same answer whether or not the account exists) */
        post: operations["AuthController_requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed token; the token is used up and every session ends */
        post: operations["AuthController_confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new pair (rotation; reuse revokes the family) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start creating an organization with its first admin (SIGNUP_ENABLED): emails a confirmation link, or says the address already has an account (same answer either way) */
        post: operations["AuthController_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow the emailed sign-up link: creates the organization and its first admin, signed in */
        post: operations["AuthController_verifySignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a single sign-on with the identity provider's answer: a session like a login's, or 401 and none */
        post: operations["SsoController_callback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether an email's domain signs in with its organization's identity provider */
        get: operations["SsoController_discover"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a single sign-on: answers the identity provider's URL (state, nonce, PKCE) and binds it to this browser */
        post: operations["SsoController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's milestones and check-ins due, as an iCalendar feed of all-day events (no login: the URL's token is the key) */
        get: operations["CalendarController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-in-links/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check in from the emailed reminder link, as the person it was sent to; the link works once (no login) */
        post: operations["CheckInLinksController_checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-in-links/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The emailed reminder link's priority and person, as the check-in form shows it (no login) */
        post: operations["CheckInLinksController_inspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-ins/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The client executive acknowledges a check-in (client viewer) */
        post: operations["CheckInsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-ins/discipline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check-in discipline per executive and owner over the last 12 weeks: on time, late, missed (admin, account manager, executive) */
        get: operations["CheckInLinksController_discipline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client executive's home: per active engagement in reach, the headline sentence, done, due, risks, asks, trends and the latest check-in */
        get: operations["ClientSummaryController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clients you may see */
        get: operations["ClientsController_list"];
        put?: never;
        /** Create a client (admin, account manager) */
        post: operations["ClientsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One client you may see */
        get: operations["ClientsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a client (admin, account manager) */
        patch: operations["ClientsController_update"];
        trace?: never;
    };
    "/api/v1/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Digests sent: recipient, week, status (admins: the organization’s; others: their own) */
        get: operations["DigestsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/digests/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A weekly digest exactly as it would be emailed (yours; admins: anyone’s). format=html answers the HTML body itself */
        get: operations["DigestsController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/digests/send-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue this week’s digest for one user or everyone subscribed (admin); still one per week unless force */
        post: operations["DigestsController_sendNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/digests/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page behind a digest’s unsubscribe link (no login; changes nothing): HTML for browsers, else JSON */
        get: operations["DigestsController_unsubscribeInfo"];
        put?: never;
        /** Unsubscribe from weekly digests with the signed token (no login; RFC 8058 one-click, form-encoded or JSON) */
        post: operations["DigestsController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Engagements you may see; filter by status, client, executive, function */
        get: operations["EngagementsController_list"];
        put?: never;
        /** Place an executive at a client (admin, account manager) */
        post: operations["EngagementsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One engagement you may see (the allocation only for staff) */
        get: operations["EngagementsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change status or dates (admin, account manager); allocation goes through allocation-changes */
        patch: operations["EngagementsController_update"];
        trace?: never;
    };
    "/api/v1/engagements/{id}/allocation-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Allocation history (not for client viewers) */
        get: operations["EngagementsController_allocationHistory"];
        put?: never;
        /** Scale the allocation up or down, with an effective date and a reason */
        post: operations["EngagementsController_changeAllocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/allocation-changes/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run of an allocation change (admin, account manager): the milestones it would overload; writes nothing */
        post: operations["EngagementsController_allocationWhatIf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/client-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client executive's summary of one engagement (no internal fields): headline sentence, done since last week, due in 30 days, risks, asks, trends, latest check-in */
        get: operations["ClientSummaryController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/executive-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history of executive changes of an engagement, oldest first */
        get: operations["ExecutiveChangesController_list"];
        put?: never;
        /** Replace the placed executive from an effective date, with a reason (admin, account manager); freezes a handover pack and notifies everyone concerned */
        post: operations["ExecutiveChangesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/milestones/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export an engagement's milestones with their re-plan history as CSV, streamed */
        get: operations["ImportsController_engagementMilestones"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/playbook-applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The playbook versions this engagement was built from */
        get: operations["PlaybooksController_applications"];
        put?: never;
        /** Apply a playbook: all priorities and milestones in one transaction; past the focus cap they are created as draft */
        post: operations["PlaybooksController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/playbook-applications/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run: exactly what applying would create (ranks, dates, active or draft under the focus cap); writes nothing */
        post: operations["PlaybooksController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/priorities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Priorities of an engagement: active by rank, then the others */
        get: operations["PrioritiesController_list"];
        put?: never;
        /** Add a strategic priority (admin, account manager); refused with 422 PRIORITY.FOCUS_CAP_EXCEEDED past the focus cap */
        post: operations["PrioritiesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/pulses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's pulse answers with their monthly trend (admin, account manager) */
        get: operations["PulseController_history"];
        put?: never;
        /** Client pulse: "How satisfied are you with progress?" 1–5 and a comment (client viewer) */
        post: operations["PulseController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An engagement’s period reports, newest first */
        get: operations["ReportsController_list"];
        put?: never;
        /** Freeze a period report (QBR) of an engagement (admin, account manager) */
        post: operations["ReportsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/save-as-playbook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save this engagement's priorities and milestones as a new playbook (dates become offsets) */
        post: operations["PlaybooksController_saveAsPlaybook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Engagement dashboard: priorities by rank with owner, progress vs expected, health vs RAG, milestones, check-ins */
        get: operations["EngagementsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One-page setup (admin, account manager): the engagement with its client (existing or new), its priorities in rank order with one owner each (existing or new) and their milestones, all or nothing */
        post: operations["EngagementsController_setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executive-changes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An executive change with its handover pack (no allocation for client viewers) */
        get: operations["ExecutiveChangesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executive-changes/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The handover pack of an executive change as a PDF */
        get: operations["ExecutiveChangesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Executives (admin, account manager; an executive sees their own profile) */
        get: operations["ExecutivesController_list"];
        put?: never;
        /** Add a placed executive (admin, account manager) */
        post: operations["ExecutivesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One placed executive (admin, account manager; an executive their own profile) */
        get: operations["ExecutivesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a placed executive (admin, account manager) */
        patch: operations["ExecutivesController_update"];
        trace?: never;
    };
    "/api/v1/exports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export as CSV, streamed: the portfolio or the alerts you can see, or a record type of the firm in the import format (admin, account manager) */
        get: operations["ImportsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import clients, executives, engagements, owners, priorities and milestones from CSV: a dry run (per row: created, updated, unchanged or errors) or a commit of all rows or none (admin, account manager) */
        post: operations["ImportsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV template of one import type: its columns and an example row */
        get: operations["ImportsController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open invitations, newest first (admin: all; account manager: the ones they sent) */
        get: operations["InvitationsController_list"];
        put?: never;
        /** Invite someone by email (admin; account manager: client viewers of their clients and placed executives). Answers the same whether or not the address has an account in another organization */
        post: operations["InvitationsController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a new link, valid 7 days from now; the previous link stops working */
        post: operations["InvitationsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an invitation: its link stops working */
        post: operations["InvitationsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow the emailed link: choose a password, become a user, signed in (no login) */
        post: operations["InvitationsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The emailed link's invitation, as the accept page shows it (no login) */
        post: operations["InvitationsController_inspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling user, their organization and reach */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your own name or timezone (every role; role, email and grants stay with admins) */
        patch: operations["AuthController_updateMe"];
        trace?: never;
    };
    "/api/v1/me/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your personal API tokens, newest first, with their last use (never the tokens themselves) */
        get: operations["ApiTokensController_list"];
        put?: never;
        /** Create a personal API token (read or write scope, with an expiry); the token is shown only in this answer */
        post: operations["ApiTokensController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API tokens: it answers 401 from now on; it stays listed as revoked (revoking twice is fine) */
        delete: operations["ApiTokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new private calendar feed URL for yourself (shown once); the previous URL stops working */
        post: operations["CalendarController_regenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/digest-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your weekly digest settings (with what follows the organization’s defaults) and when the next one is due */
        get: operations["DigestsController_preferences"];
        /** Set your weekly digest: weekday, hour, timezone, opt-out, skip-when-empty (admins: which digest) */
        put: operations["DigestsController_setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your alert email preferences */
        get: operations["NotificationsController_preferences"];
        /** Set your alert email preferences (channel on/off, minimum severity) */
        put: operations["NotificationsController_setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (every role); every session ends, so log in again */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/milestones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One milestone with its baseline, due date and forecast */
        get: operations["MilestonesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit title, weight, forecast or status (not the due date: re-plan it) */
        patch: operations["MilestonesController_update"];
        trace?: never;
    };
    "/api/v1/milestones/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark done (admin, account manager, the placed executive) */
        post: operations["MilestonesController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/milestones/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every due-date change: who, when, old, new, why */
        get: operations["MilestonesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/milestones/{id}/replan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the due date, with a required reason; the change is kept in the history */
        post: operations["MilestonesController_replan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notifications that failed after their last attempt (admin) */
        get: operations["NotificationsController_failed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page behind an alert email’s opt-out link (no login; changes nothing): HTML for browsers, else JSON */
        get: operations["AlertOptOutController_info"];
        put?: never;
        /** Stop alert emails to the address of the signed token (no login; RFC 8058 one-click, form or JSON) */
        post: operations["AlertOptOutController_optOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Timezone, focus cap, health thresholds (admin, account manager) */
        get: operations["OrganizationController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change settings (admin) */
        patch: operations["OrganizationController_update"];
        trace?: never;
    };
    "/api/v1/organization/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's single sign-on settings, without the client secret (admin) */
        get: operations["SsoController_settings"];
        /** Set single sign-on: issuer, client id and secret (stored encrypted), allowed email domains, default role (admin) */
        put: operations["SsoController_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's alert webhooks (admin) */
        get: operations["NotificationsController_webhooks"];
        put?: never;
        /** Add a webhook: signed JSON (HMAC-SHA256 in x-throughline-signature) or Slack-compatible (admin) */
        post: operations["NotificationsController_createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook (admin) */
        delete: operations["NotificationsController_deleteWebhook"];
        options?: never;
        head?: never;
        /** Change or re-enable a webhook (admin) */
        patch: operations["NotificationsController_updateWebhook"];
        trace?: never;
    };
    "/api/v1/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Owners at the clients you may see */
        get: operations["OwnersController_list"];
        put?: never;
        /** Add an accountability owner at a client (admin, account manager) */
        post: operations["OwnersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/owners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One accountability owner at a client you may see */
        get: operations["OwnersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an accountability owner (admin, account manager) */
        patch: operations["OwnersController_update"];
        trace?: never;
    };
    "/api/v1/playbooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Playbooks at their current version (admin, account manager) */
        get: operations["PlaybooksController_list"];
        put?: never;
        /** Create a playbook (version 1); 422 PLAYBOOK.MILESTONE_BEFORE_PRIORITY_START when an offset puts a milestone before its priority starts */
        post: operations["PlaybooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A playbook at its current version, with its priorities and milestones (admin, account manager) */
        get: operations["PlaybooksController_get"];
        /** Edit: writes the next version (engagements keep the version they were applied from) */
        put: operations["PlaybooksController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive: no longer listed or applied; its effectiveness stays */
        post: operations["PlaybooksController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/{id}/effectiveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the plans of each version of this playbook went (admin, account manager) */
        get: operations["PlaybooksController_effectiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived playbook */
        post: operations["PlaybooksController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/playbooks/effectiveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per playbook and version, across the engagements it was applied to: milestones on time, slip, re-plans, priorities achieved */
        get: operations["PlaybooksController_effectivenessOfAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every engagement you may see with progress vs expected, computed health vs reported RAG, overdue and next milestones */
        get: operations["PortfolioController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/priorities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One priority with its owner and progress */
        get: operations["PrioritiesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit, re-rank, change owner or status (admin, account manager) */
        patch: operations["PrioritiesController_update"];
        trace?: never;
    };
    "/api/v1/priorities/{id}/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check-ins of a priority, paged (order: newest first by default) */
        get: operations["CheckInsController_list"];
        put?: never;
        /** Post a check-in: RAG, confidence 0–10, note, blockers (executive, admin, account manager) */
        post: operations["CheckInsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/priorities/{id}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Milestones of a priority */
        get: operations["MilestonesController_list"];
        put?: never;
        /** Add a milestone; its due date becomes the baseline (admin, account manager) */
        post: operations["MilestonesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/report-share-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a share link: it stops working at once (admin, account manager) */
        delete: operations["ReportsController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A period report’s frozen content */
        get: operations["ReportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A period report as a PDF */
        get: operations["ReportsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report’s share links with their views (admin, account manager) */
        get: operations["ReportsController_shareLinks"];
        put?: never;
        /** A link that opens the read-only report without login, until it expires or is revoked (admin, account manager) */
        post: operations["ReportsController_share"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared-reports/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report behind a share link (no login; the token is the only key; each view audited) */
        get: operations["ReportsController_shared"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shared-reports/{token}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report behind a share link as a PDF (no login; each view audited) */
        get: operations["ReportsController_sharedPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admin) */
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (admin, or yourself) */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/client-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the clients a client viewer may see (admin) */
        put: operations["UsersController_setGrants"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (admin); their sessions end */
        post: operations["UsersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enable a disabled user (admin) */
        post: operations["UsersController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's role (admin); their tokens stop working */
        patch: operations["UsersController_changeRole"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitationDto: {
            name: string;
            /**
             * Format: password
             * @description Not one of the 30,000 most common passwords (nor one padded with digits or repeated)
             */
            password: string;
            /**
             * @description Omitted: the organization's
             * @example Europe/London
             */
            timezone?: string;
            /** @description The token from the emailed invitation link */
            token: string;
        };
        AlertDetailView: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: uuid */
            clientId: string | null;
            clientName: string | null;
            /**
             * Format: date
             * @description Since when the condition has held (a milestone overdue since the day after its due date), in the organization’s timezone; null when the rule cannot tell (then firstSeenAt)
             */
            conditionSince: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @description The engagement’s function (CRO, CMO, CPO); null across engagements */
            engagementFunction: string | null;
            /** Format: uuid */
            engagementId: string | null;
            /** Format: date-time */
            firstSeenAt: string;
            /** @description Raised, escalated, acknowledged, resolved — oldest first */
            history: components["schemas"]["AlertEventView"][];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeenAt: string;
            message: string;
            resolutionNote: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @enum {string} */
            rule: "milestone_overdue" | "milestone_forecast_slip" | "milestone_replanned" | "priority_behind_plan" | "priority_stalled" | "confidence_falling" | "focus_overload" | "owner_overload" | "owner_missing" | "allocation_mismatch" | "engagement_term_ending" | "renewal_at_risk" | "forecast_beyond_target" | "check_in_missed";
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved";
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "milestone" | "priority" | "engagement" | "owner";
        };
        AlertEventView: {
            /** Format: uuid */
            actorId: string | null;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            kind: "raised" | "escalated" | "acknowledged" | "resolved" | "auto_resolved" | "reopened";
            note: string | null;
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
        };
        AlertOptOutView: {
            /** @description The address the link was sent to */
            email: string;
            /** @description True once alert emails to this address are off */
            optedOut: boolean;
        };
        AlertPage: {
            items: components["schemas"]["AlertView"][];
            limit: number;
            offset: number;
            total: number;
        };
        AlertView: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: uuid */
            clientId: string | null;
            clientName: string | null;
            /**
             * Format: date
             * @description Since when the condition has held (a milestone overdue since the day after its due date), in the organization’s timezone; null when the rule cannot tell (then firstSeenAt)
             */
            conditionSince: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @description The engagement’s function (CRO, CMO, CPO); null across engagements */
            engagementFunction: string | null;
            /** Format: uuid */
            engagementId: string | null;
            /** Format: date-time */
            firstSeenAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeenAt: string;
            message: string;
            resolutionNote: string | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** @enum {string} */
            rule: "milestone_overdue" | "milestone_forecast_slip" | "milestone_replanned" | "priority_behind_plan" | "priority_stalled" | "confidence_falling" | "focus_overload" | "owner_overload" | "owner_missing" | "allocation_mismatch" | "engagement_term_ending" | "renewal_at_risk" | "forecast_beyond_target" | "check_in_missed";
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved";
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "milestone" | "priority" | "engagement" | "owner";
        };
        AllocationChangeView: {
            /** Format: uuid */
            changedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            daysPerWeek: number;
            /** Format: date */
            effectiveDate: string;
            /** Format: uuid */
            id: string;
            previousDaysPerWeek: number | null;
            reason: string;
        };
        AllocationWhatIfView: {
            daysPerWeek: number;
            /** Format: date */
            effectiveDate: string;
            /** @description The allocation_mismatch limit: norm × factor milestones per allocated day/week */
            limit: number;
            /** @description Open milestones within the limit as booked that the change would take over it, by due date */
            overloaded: components["schemas"]["WhatIfMilestoneView"][];
        };
        AnswerPulseDto: {
            comment?: string | null;
            /** @description How satisfied are you with progress? 1 (not at all) – 5 */
            score: number;
        };
        ApiTokenView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description To the minute
             */
            lastUsedAt: string | null;
            name: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @enum {string} */
            scope: "read" | "write";
        };
        ApplyPlaybookDto: {
            /** @description One owner per playbook priority, in the playbook's order (owners of the engagement's client) */
            ownerIds: string[];
            /** Format: uuid */
            playbookId: string;
            /**
             * Format: date
             * @description Day 0 of the plan; defaults to today in the organization timezone
             * @example 2026-03-31
             */
            startDate?: string;
            /** @description The version previewed: refused with 409 PLAYBOOK.VERSION_CHANGED if the playbook was edited since */
            version?: number;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEventView"][];
            limit: number;
            offset: number;
            total: number;
        };
        AuditEventView: {
            /** @example milestone.replanned */
            action: string;
            /** Format: uuid */
            actorId: string | null;
            after: {
                [key: string]: unknown;
            } | null;
            before: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            entityId: string | null;
            entityType: string;
            /** Format: uuid */
            id: string;
        };
        AuthSessionView: {
            /** @description JWT (HS256), short-lived; send as Authorization: Bearer */
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Opaque, single use: each refresh returns a new one */
            refreshToken: string;
            user: components["schemas"]["UserView"];
        };
        BulkAlertActionDto: {
            /** @enum {string} */
            action: "acknowledge" | "resolve";
            alertIds: string[];
            /** @description Required to resolve: how they were resolved (all of them) */
            note?: string;
        };
        BulkAlertActionView: {
            /** @enum {string} */
            action: "acknowledge" | "resolve";
            /** @description Every alert named, as it is now */
            alerts: components["schemas"]["AlertView"][];
            /** @description How many alerts changed (already acknowledged ones are left as they are) */
            changed: number;
        };
        CalendarFeedView: {
            /**
             * @description The private feed URL, shown once: subscribe to it in a calendar. Regenerating revokes the previous one.
             * @example http://localhost:3000/api/v1/calendar/3q2-….ics
             */
            url: string;
        };
        ChangePasswordDto: {
            /**
             * Format: password
             * @description The password in use now
             */
            currentPassword: string;
            /**
             * Format: password
             * @description Not one of the 30,000 most common passwords (nor one padded with digits or repeated)
             */
            newPassword: string;
        };
        ChangeRoleDto: {
            /** @enum {string} */
            role: "admin" | "account_manager" | "executive" | "client_viewer";
        };
        CheckInBlockerDto: {
            /** @description The client has to act on it: listed among the asks in the client's summary */
            needsClientAction: boolean;
            /** @example Need the CFO to sign off the pricing change */
            text: string;
        };
        CheckInBlockerView: {
            needsClientAction: boolean;
            text: string;
        };
        CheckInByLinkDto: {
            /** @description Blockers one by one, each saying whether it needs the client to act */
            blockerItems?: components["schemas"]["CheckInBlockerDto"][];
            blockers?: string | null;
            /**
             * @description The blockers need the client’s action (an ask on the client summary)
             * @default false
             */
            blockersNeedClientAction: boolean;
            /** @description How confident the author is that the priority lands on time */
            confidence: number;
            /** @example Pipeline coverage up to 2.1x; two AEs signed. */
            note: string;
            /** @enum {string} */
            rag: "on_track" | "at_risk" | "off_track";
            /** @description The token from the emailed check-in link */
            token: string;
        };
        CheckInLinkTokenDto: {
            /** @description The token from the emailed check-in link */
            token: string;
        };
        CheckInLinkView: {
            clientName: string;
            /** Format: date */
            dueOn: string;
            /** Format: date-time */
            expiresAt: string;
            /** @example 2026-W11 */
            isoWeek: string;
            /** Format: uuid */
            priorityId: string;
            priorityTitle: string;
            rags: ("on_track" | "at_risk" | "off_track")[];
            /** @description Who the check-in is recorded as */
            recipientName: string;
            /** @enum {string} */
            status: "open";
        };
        CheckInPage: {
            items: components["schemas"]["CheckInView"][];
            limit: number;
            offset: number;
            total: number;
        };
        CheckInView: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            /** Format: uuid */
            acknowledgedBy: string | null;
            /** Format: uuid */
            authorId: string | null;
            authorName: string | null;
            blockerItems: components["schemas"]["CheckInBlockerView"][];
            blockers: string | null;
            blockersNeedClientAction: boolean;
            confidence: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            note: string;
            /** Format: uuid */
            priorityId: string;
            /** @enum {string} */
            rag: "on_track" | "at_risk" | "off_track";
        };
        ClientGrantsDto: {
            clientIds: string[];
        };
        ClientPage: {
            items: components["schemas"]["ClientView"][];
            limit: number;
            offset: number;
            total: number;
        };
        ClientSummaryAskView: {
            /** Format: date-time */
            askedAt: string;
            askedBy: string | null;
            /** Format: uuid */
            checkInId: string;
            priorityTitle: string;
            text: string;
        };
        ClientSummaryCheckInView: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            authorName: string | null;
            blockerItems: components["schemas"]["CheckInBlockerView"][];
            blockers: string | null;
            confidence: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            note: string;
            priorityTitle: string;
            /** @enum {string} */
            rag: "on_track" | "at_risk" | "off_track";
        };
        ClientSummaryEngagementView: {
            /** Format: uuid */
            clientId: string;
            clientName: string;
            executiveName: string;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
        };
        ClientSummaryMilestoneView: {
            /**
             * Format: date
             * @description When it was done (done list)
             */
            doneOn: string | null;
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            id: string;
            /** @description Open and past its due date */
            overdue: boolean;
            priorityTitle: string;
            /** @description Days past its baseline */
            slipDays: number;
            title: string;
        };
        ClientSummaryPage: {
            items: components["schemas"]["ClientSummaryView"][];
            limit: number;
            offset: number;
            /** @description Active engagements in reach */
            total: number;
        };
        ClientSummaryRiskView: {
            /** Format: uuid */
            alertId: string;
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            /**
             * Format: date
             * @description Since when it has held
             */
            since: string;
            /** @description The risk in plain words */
            text: string;
        };
        ClientSummaryView: {
            /** @description Latest check-ins’ blockers needing the client’s action */
            asks: components["schemas"]["ClientSummaryAskView"][];
            /**
             * Format: date
             * @description Today in the organization's timezone
             */
            asOf: string;
            /** @description Milestones done since periodStart */
            done: components["schemas"]["ClientSummaryMilestoneView"][];
            /** @description Daily drift snapshots, oldest first */
            driftTrend: components["schemas"]["DriftPointView"][];
            /** @description Open milestones due in the next 30 days or overdue */
            dueSoon: components["schemas"]["ClientSummaryMilestoneView"][];
            engagement: components["schemas"]["ClientSummaryEngagementView"];
            /** @example On track: 6 of 9 milestones done; 1 slipped 12 days, waiting on your team */
            headline: string;
            /**
             * @description The engagement’s one headline word
             * @enum {string|null}
             */
            health: "on_track" | "at_risk" | "off_track" | "overdue" | "achieved" | "dropped" | null;
            latestCheckIn: components["schemas"]["ClientSummaryCheckInView"] | null;
            /**
             * Format: date
             * @description Start of the period "done since" covers (7 days)
             */
            periodStart: string;
            /** @description Weekly, oldest first */
            progressTrend: components["schemas"]["ProgressPointView"][];
            /**
             * @description The client viewer is asked the pulse question now, and why; null when not (always for staff)
             * @enum {string|null}
             */
            pulseDue: "monthly" | "priority_achieved" | null;
            /** @description Open alerts of this engagement, worst first */
            risks: components["schemas"]["ClientSummaryRiskView"][];
        };
        ClientView: {
            /**
             * Format: uuid
             * @description Omitted for client viewers
             */
            accountManagerId?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            industry: string | null;
            name: string;
            /** @enum {string} */
            stage: "emerging" | "growth" | "enterprise";
            /** @enum {string} */
            status: "active" | "inactive";
            /** Format: date-time */
            updatedAt: string;
        };
        CompleteMilestoneDto: {
            /**
             * Format: date-time
             * @description Defaults to now (RFC 3339, e.g. 2026-03-04T15:00:00Z)
             */
            completedAt?: string;
        };
        ConfidencePointView: {
            /** Format: date-time */
            at: string;
            confidence: number;
            /** @enum {string} */
            rag: "on_track" | "at_risk" | "off_track";
        };
        CreateAllocationChangeDto: {
            /**
             * @description Allocated days per week (multiples of 0.5)
             * @example 2
             */
            daysPerWeek: number;
            /**
             * Format: date
             * @description When the new allocation takes effect
             * @example 2026-03-31
             */
            effectiveDate: string;
            /** @example Scaling up for the Q3 launch */
            reason: string;
        };
        CreateApiTokenDto: {
            /**
             * Format: date-time
             * @description When the token stops working: in the future, at most 366 days ahead
             * @example 2026-12-31T23:59:59Z
             */
            expiresAt: string;
            /**
             * @description What the token is for
             * @example Nightly BI export
             */
            name: string;
            /**
             * @description read: GET requests only (anything else answers 403); write: everything your role may do
             * @enum {string}
             */
            scope: "read" | "write";
        };
        CreateCheckInDto: {
            /** @description Blockers one by one, each saying whether it needs the client to act */
            blockerItems?: components["schemas"]["CheckInBlockerDto"][];
            blockers?: string | null;
            /**
             * @description The blockers need the client’s action (an ask on the client summary)
             * @default false
             */
            blockersNeedClientAction: boolean;
            /** @description How confident the author is that the priority lands on time */
            confidence: number;
            /** @example Pipeline coverage up to 2.1x; two AEs signed. */
            note: string;
            /** @enum {string} */
            rag: "on_track" | "at_risk" | "off_track";
        };
        CreateClientDto: {
            /**
             * Format: uuid
             * @description An admin or account manager of this organization
             */
            accountManagerId?: string | null;
            /** @example Industrial automation */
            industry?: string | null;
            /** @example Acme Robotics */
            name: string;
            /** @enum {string} */
            stage: "emerging" | "growth" | "enterprise";
            /**
             * @default active
             * @enum {string}
             */
            status: "active" | "inactive";
        };
        CreatedApiTokenView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description To the minute
             */
            lastUsedAt: string | null;
            name: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @enum {string} */
            scope: "read" | "write";
            /**
             * @description The token: shown once, only its hash is stored. Send it as `Authorization: Bearer <token>`.
             * @example thl_pat_3q2-7wEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE
             */
            token: string;
        };
        CreatedShareLinkView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastViewedAt: string | null;
            /** Format: uuid */
            reportId: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description The link to send; opens the read-only report without login */
            url: string;
            viewCount: number;
        };
        CreatedWebhookView: {
            consecutiveFailures: number;
            /** Format: date-time */
            disabledAt: string | null;
            enabled: boolean;
            /** @enum {string} */
            format: "json" | "slack" | "teams";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            minSeverity: "info" | "warning" | "critical";
            /** @description HMAC-SHA256 signing secret: shown once, keep it to verify x-throughline-signature */
            secret: string;
            url: string;
        };
        CreateEngagementDto: {
            /** @description The term renews by itself unless notice is given */
            autoRenew?: boolean;
            /**
             * @description weekly (a new engagement's default): a check-in is due per active priority on the organization's check-in day, with a reminder; off: none
             * @enum {string}
             */
            checkInCadence?: "weekly" | "off";
            /** Format: uuid */
            clientId: string;
            /**
             * @description Allocated days per week (multiples of 0.5)
             * @example 2
             */
            daysPerWeek: number;
            /** Format: uuid */
            executiveId: string;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO";
            /**
             * @description Days of notice before the term end
             * @example 30
             */
            noticePeriodDays?: number;
            /**
             * Format: date
             * @description Planned last day
             * @example 2026-03-31
             */
            plannedEndDate?: string | null;
            /**
             * Format: date
             * @description When the renewal starts
             * @example 2026-03-31
             */
            renewalDate?: string | null;
            /**
             * Format: date
             * @description First day of the placement
             * @example 2026-03-31
             */
            startDate: string;
            /**
             * @default active
             * @enum {string}
             */
            status: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            /**
             * Format: date
             * @description Last day of the current term
             * @example 2026-03-31
             */
            termEndDate?: string | null;
        };
        CreateEngagementSetupDto: {
            /** @description The term renews by itself unless notice is given */
            autoRenew?: boolean;
            /**
             * @description weekly (a new engagement's default): a check-in is due per active priority on the organization's check-in day, with a reminder; off: none
             * @enum {string}
             */
            checkInCadence?: "weekly" | "off";
            /** @description A new client, created with the engagement (or `clientId`) */
            client?: components["schemas"]["CreateClientDto"];
            /**
             * Format: uuid
             * @description An existing client (or `client`)
             */
            clientId?: string;
            /**
             * @description Allocated days per week (multiples of 0.5)
             * @example 2
             */
            daysPerWeek: number;
            /** Format: uuid */
            executiveId: string;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO";
            /**
             * @description Days of notice before the term end
             * @example 30
             */
            noticePeriodDays?: number;
            /**
             * Format: date
             * @description Planned last day
             * @example 2026-03-31
             */
            plannedEndDate?: string | null;
            /** @description In rank order */
            priorities: components["schemas"]["SetupPriorityDto"][];
            /**
             * Format: date
             * @description When the renewal starts
             * @example 2026-03-31
             */
            renewalDate?: string | null;
            /**
             * Format: date
             * @description First day of the placement
             * @example 2026-03-31
             */
            startDate: string;
            /**
             * @default active
             * @enum {string}
             */
            status: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            /**
             * Format: date
             * @description Last day of the current term
             * @example 2026-03-31
             */
            termEndDate?: string | null;
        };
        CreateExecutiveChangeDto: {
            /**
             * Format: date
             * @description The first day the incoming executive is placed (access moves on this date)
             * @example 2026-03-31
             */
            effectiveDate: string;
            /**
             * Format: uuid
             * @description The incoming executive
             */
            executiveId: string;
            /** @example The CRO moves to a full-time role */
            reason: string;
        };
        CreateExecutiveDto: {
            /** @example dana@example.com */
            email: string;
            /**
             * @example [
             *       "CRO"
             *     ]
             */
            functions: ("CRO" | "CMO" | "CPO")[];
            /** @example Dana Whitfield */
            name: string;
            /**
             * Format: uuid
             * @description The user account (role executive) this person logs in with
             */
            userId?: string | null;
        };
        CreateInvitationDto: {
            /** @description Clients a client_viewer may see (an account manager must name clients they manage) */
            clientIds?: string[];
            /** @example dana@client.example */
            email: string;
            /** @description How to greet the invitee; they may change it when accepting */
            name?: string;
            /** @enum {string} */
            role: "admin" | "account_manager" | "executive" | "client_viewer";
        };
        CreateMilestoneDto: {
            /**
             * Format: date
             * @description The first committed due date; it becomes the baseline and never changes
             * @example 2026-03-31
             */
            dueDate: string;
            /**
             * Format: date
             * @description Current forecast, when it differs from the due date
             * @example 2026-03-31
             */
            forecastDate?: string | null;
            /**
             * @default planned
             * @enum {string}
             */
            status: "planned" | "in_progress";
            /** @example Hire two enterprise AEs */
            title: string;
            /** @default 1 */
            weight: number;
        };
        CreateOwnerDto: {
            /**
             * Format: uuid
             * @description The client this owner belongs to
             */
            clientId: string;
            /** @example priya@acme.example */
            email?: string | null;
            /** @example Priya Raman */
            name: string;
            /** @example VP Sales */
            title?: string | null;
            /** Format: uuid */
            userId?: string | null;
        };
        CreatePriorityDto: {
            description?: string | null;
            /**
             * Format: uuid
             * @description The single accountable owner (an owner of the engagement's client)
             */
            ownerId: string;
            /** @description Position among active priorities; others move down. Default: last. */
            rank?: number;
            /**
             * Format: date
             * @description Defaults to today in the organization timezone
             * @example 2026-03-31
             */
            startDate?: string;
            /**
             * @default active
             * @enum {string}
             */
            status: "draft" | "active" | "achieved" | "dropped";
            /**
             * Format: date
             * @description When the priority should be achieved
             * @example 2026-06-30
             */
            targetDate: string;
            /** @example Rebuild the enterprise sales pipeline */
            title: string;
        };
        CreateReportDto: {
            /**
             * Format: date
             * @description Last day of the period, inclusive
             * @example 2026-03-31
             */
            periodEnd: string;
            /**
             * Format: date
             * @description First day of the period (in the organization’s calendar)
             * @example 2026-01-01
             */
            periodStart: string;
        };
        CreateShareLinkDto: {
            /**
             * @description The link stops working after this many days
             * @example 14
             */
            expiresInDays: number;
        };
        CreateWebhookDto: {
            /**
             * @description slack: Slack-compatible incoming-webhook body; teams: Microsoft Teams incoming-webhook body (an Adaptive Card)
             * @default json
             * @enum {string}
             */
            format: "json" | "slack" | "teams";
            /**
             * @default info
             * @enum {string}
             */
            minSeverity: "info" | "warning" | "critical";
            /** @example https://hooks.example.com/throughline */
            url: string;
        };
        DigestHistoryItemView: {
            /** Format: date-time */
            createdAt: string;
            engagementCount: number;
            forced: boolean;
            /** Format: uuid */
            id: string;
            /** @example 2026-W48 */
            isoWeek: string;
            /** @enum {string} */
            kind: "portfolio" | "your_engagement" | "due_and_slipped";
            lastError: string | null;
            recipientEmail: string;
            recipientName: string;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "failed" | "skipped";
            subject: string | null;
            /** @enum {string} */
            trigger: "schedule" | "send_now";
            /** Format: uuid */
            userId: string;
        };
        DigestHistoryPage: {
            items: components["schemas"]["DigestHistoryItemView"][];
            limit: number;
            offset: number;
            total: number;
        };
        DigestPreferenceChoices: {
            hour: boolean;
            optedOut: boolean;
            skipWhenEmpty: boolean;
            timezone: boolean;
            weekday: boolean;
        };
        DigestPreferencesDto: {
            /** @description Hour of the digest, your local time; null: the organization's default */
            hour: number | null;
            /**
             * @description Admins only: which digest you get (default portfolio)
             * @enum {string|null}
             */
            kind?: "portfolio" | "due_and_slipped" | null;
            /** @description true: no weekly digest for you */
            optedOut: boolean;
            /** @description Do not send a digest that has nothing to report; null: the organization's default */
            skipWhenEmpty: boolean | null;
            /**
             * @description Your IANA timezone (also used for your dashboard dates); null: the organization's
             * @example Europe/Berlin
             */
            timezone: string | null;
            /**
             * @description Day of the digest, your local time; null: the organization's default
             * @enum {string|null}
             */
            weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
        };
        DigestPreferencesView: {
            /** @description true where a value is your own choice, false where it follows the organization */
            chosen: components["schemas"]["DigestPreferenceChoices"];
            hour: number;
            /**
             * @description The digest you get: follows from your role (admins choose)
             * @enum {string}
             */
            kind: "portfolio" | "your_engagement" | "due_and_slipped";
            /**
             * Format: date-time
             * @description When your next digest is due (null when opted out)
             */
            nextDigestAt: string | null;
            optedOut: boolean;
            /** @description Your own timezone, null when you follow the organization */
            ownTimezone: string | null;
            skipWhenEmpty: boolean;
            /** @description The timezone your digest follows (yours, else the organization’s) */
            timezone: string;
            /** @enum {string} */
            weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
        };
        DigestPreviewView: {
            /** @description true: nothing to report (it would be skipped when skip-when-empty is on) */
            empty: boolean;
            /** @description The HTML body, exactly as emailed */
            html: string;
            /** @example 2026-W48 */
            isoWeek: string;
            /** @enum {string} */
            kind: "portfolio" | "your_engagement" | "due_and_slipped";
            subject: string;
            /** @description The plain-text part */
            text: string;
            /** Format: uuid */
            userId: string;
            /** @description Would be skipped for this recipient */
            wouldSkip: boolean;
        };
        DisciplineEntryView: {
            /**
             * Format: uuid
             * @description The executive or owner id
             */
            id: string;
            /** @enum {string} */
            kind: "executive" | "owner";
            late: number;
            missed: number;
            name: string;
            onTime: number;
        };
        DisciplineReportView: {
            /** Format: date */
            asOf: string;
            items: components["schemas"]["DisciplineEntryView"][];
            /** @description Weeks covered (periods whose due date has passed) */
            weeks: number;
        };
        DriftPointView: {
            /** Format: date */
            date: string;
            /** @description Drift score 0..100, higher is worse */
            score: number;
        };
        DueDateChangeView: {
            /** @enum {string} */
            category: "client" | "executive" | "allocation" | "dependency" | "scope";
            /** Format: date-time */
            changedAt: string;
            /** Format: uuid */
            changedBy: string | null;
            changedByName: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date */
            newDueDate: string;
            /** Format: date */
            oldDueDate: string;
            reason: string;
        };
        EngagementPage: {
            items: components["schemas"]["EngagementView"][];
            limit: number;
            offset: number;
            total: number;
        };
        EngagementPlaybookView: {
            /** Format: uuid */
            applicationId: string;
            /** Format: date-time */
            appliedAt: string;
            appliedByName: string | null;
            /** Format: uuid */
            playbookId: string;
            playbookName: string;
            /** Format: date */
            startDate: string;
            version: number;
        };
        EngagementSetupView: {
            /** @description The client was created by this request */
            clientCreated: boolean;
            engagement: components["schemas"]["EngagementView"];
            /** @description The organization's focus cap on active priorities */
            focusCap: number;
            priorities: components["schemas"]["SetupPriorityView"][];
        };
        EngagementSummaryView: {
            /**
             * Format: date
             * @description Today in the organization's timezone
             */
            asOf: string;
            /** @description Daily drift snapshots of the last 8 weeks, oldest first */
            driftTrend: components["schemas"]["DriftPointView"][];
            engagement: components["schemas"]["SummaryEngagementView"];
            /** @description Latest P50 and P80 landing dates of its active priorities’ open milestones, against its planned end (else its latest priority target); null before the first scan or with nothing open */
            landingForecast: components["schemas"]["LandingRangeView"] | null;
            /** @description Most recent first */
            latestCheckIns: components["schemas"]["SummaryCheckInView"][];
            /** @description Active priorities by rank, then the others */
            priorities: components["schemas"]["SummaryPriorityView"][];
        };
        EngagementView: {
            /** @description Statuses this engagement may move to next */
            allowedTransitions: ("proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled")[];
            autoRenew: boolean;
            /** @enum {string} */
            checkInCadence: "weekly" | "off";
            /** Format: uuid */
            clientId: string;
            clientName: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Current allocation; omitted for client viewers (commercial) */
            daysPerWeek?: number;
            /** Format: uuid */
            executiveId: string;
            executiveName: string;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO";
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description termEndDate − noticePeriodDays: the last day to give notice
             */
            noticeDeadline: string | null;
            noticePeriodDays: number;
            /** Format: date */
            plannedEndDate: string | null;
            /** Format: date */
            renewalDate: string | null;
            /** Format: date */
            startDate: string;
            /** @enum {string} */
            status: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            /** Format: date */
            termEndDate: string | null;
        };
        ErrorResponse: {
            /**
             * @description Stable machine-readable code
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @description Quote it when reporting a problem; also in the x-request-id header */
            correlationId: string;
            details?: {
                [key: string]: unknown;
            };
            /** @description The first 20 fields with problems; details.omittedErrors counts the others */
            errors?: components["schemas"]["FieldProblemView"][];
            /** @example Invalid request: dueDate (dueDate must be a real date in the form YYYY-MM-DD) */
            message: string;
            /** @example 400 */
            statusCode: number;
        };
        ExecutiveChangeDetailView: {
            /**
             * Format: date-time
             * @description When access moved to the incoming executive; null while the change waits for its date
             */
            appliedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            effectiveDate: string;
            /** Format: uuid */
            engagementId: string;
            /** Format: uuid */
            fromExecutiveId: string;
            fromExecutiveName: string;
            /** @description The handover pack (frozen snapshot) */
            handover: {
                [key: string]: unknown;
            };
            /** @description The handover pack's summary in one line */
            headline: string;
            /** Format: uuid */
            id: string;
            reason: string;
            /** Format: uuid */
            toExecutiveId: string;
            toExecutiveName: string;
        };
        ExecutiveChangeList: {
            /** @description Oldest first */
            items: components["schemas"]["ExecutiveChangeView"][];
        };
        ExecutiveChangeView: {
            /**
             * Format: date-time
             * @description When access moved to the incoming executive; null while the change waits for its date
             */
            appliedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date */
            effectiveDate: string;
            /** Format: uuid */
            engagementId: string;
            /** Format: uuid */
            fromExecutiveId: string;
            fromExecutiveName: string;
            /** @description The handover pack's summary in one line */
            headline: string;
            /** Format: uuid */
            id: string;
            reason: string;
            /** Format: uuid */
            toExecutiveId: string;
            toExecutiveName: string;
        };
        ExecutivePage: {
            items: components["schemas"]["ExecutiveView"][];
            limit: number;
            offset: number;
            total: number;
        };
        ExecutiveView: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            functions: ("CRO" | "CMO" | "CPO")[];
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            userId: string | null;
        };
        FailedNotificationPage: {
            items: components["schemas"]["FailedNotificationView"][];
            limit: number;
            offset: number;
            total: number;
        };
        FailedNotificationView: {
            /** Format: uuid */
            alertId: string | null;
            attempts: number;
            /** @enum {string} */
            channel: "email" | "webhook";
            /** Format: date-time */
            createdAt: string;
            event: string;
            /** Format: date-time */
            failedAt: string | null;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            recipient: string | null;
        };
        FieldProblemView: {
            /** @example dueDate */
            field: string;
            /**
             * @example [
             *       "dueDate must be a real date in the form YYYY-MM-DD"
             *     ]
             */
            problems: string[];
        };
        HealthView: {
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            status: "ok" | "unavailable";
            uptimeSeconds: number;
        };
        ImportCellErrorView: {
            /** @example due_date */
            column: string;
            /** @example a date YYYY-MM-DD */
            rule: string;
        };
        ImportReportView: {
            /** @description true only for a commit, which wrote every row */
            committed: boolean;
            /** @enum {string} */
            mode: "dry-run" | "commit";
            rows: components["schemas"]["ImportRowView"][];
            summary: components["schemas"]["ImportSummaryView"];
        };
        ImportRowView: {
            /** @description Columns whose value changes (updated rows) */
            changed: string[];
            errors: components["schemas"]["ImportCellErrorView"][];
            externalKey: string | null;
            /** @description Line in the file (the header is line 1) */
            line: number;
            /** @enum {string} */
            outcome: "created" | "updated" | "unchanged" | "error";
            /** @enum {string} */
            type: "clients" | "executives" | "engagements" | "owners" | "priorities" | "milestones";
        };
        ImportSummaryView: {
            created: number;
            error: number;
            unchanged: number;
            updated: number;
        };
        ImportUploadDto: {
            /**
             * Format: binary
             * @description clients.csv
             */
            clients?: string;
            /**
             * Format: binary
             * @description engagements.csv
             */
            engagements?: string;
            /**
             * Format: binary
             * @description executives.csv
             */
            executives?: string;
            /**
             * Format: binary
             * @description milestones.csv
             */
            milestones?: string;
            /**
             * Format: binary
             * @description owners.csv
             */
            owners?: string;
            /**
             * Format: binary
             * @description priorities.csv
             */
            priorities?: string;
        };
        InvitationLinkView: {
            email: string;
            /** @description The address already has a Throughline account (here or in another organization): it cannot accept; sign in instead */
            existingAccount: boolean;
            /** Format: date-time */
            expiresAt: string;
            name: string | null;
            organizationName: string;
            /** @enum {string} */
            role: "admin" | "account_manager" | "executive" | "client_viewer";
        };
        InvitationPage: {
            items: components["schemas"]["InvitationView"][];
            limit: number;
            offset: number;
            total: number;
        };
        InvitationTokenDto: {
            /** @description The token from the emailed invitation link */
            token: string;
        };
        InvitationView: {
            clientIds: string[];
            /** Format: date-time */
            createdAt: string;
            email: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invitedById: string | null;
            invitedByName: string | null;
            /** Format: date-time */
            lastSentAt: string;
            name: string | null;
            /** @enum {string} */
            role: "admin" | "account_manager" | "executive" | "client_viewer";
            /** @description Emails sent so far (1 + resends) */
            sentCount: number;
            /** @enum {string} */
            status: "pending" | "expired" | "accepted" | "revoked";
        };
        LandingRangeView: {
            /** @description The P80 lands after the target date */
            beyondTarget: boolean;
            /**
             * Format: date
             * @description Latest P50 of its open milestones
             */
            p50: string;
            /**
             * Format: date
             * @description Latest P80 of its open milestones
             */
            p80: string;
            /**
             * Format: date
             * @description What the P80 is held against: a priority's target date; an engagement's planned end (else its latest priority target)
             */
            targetDate: string | null;
        };
        LoginDto: {
            /** @example manager@demo.test */
            email: string;
            /**
             * Format: password
             * @example throughline-demo
             */
            password: string;
        };
        LogoutDto: {
            /** @description Ends this session; without it, every session of the caller ends */
            refreshToken?: string;
        };
        MeView: {
            /** @description Granted clients (client viewers) */
            clientIds: string[];
            /** Format: date-time */
            createdAt: string;
            disabled: boolean;
            email: string;
            /** @description Executive profiles linked to this user */
            executiveIds: string[];
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            organizationId: string;
            organizationName: string;
            organizationTimezone: string;
            /** @enum {string} */
            role: "admin" | "account_manager" | "executive" | "client_viewer";
            timezone: string | null;
        };
        MilestoneForecastView: {
            /** @example from 214 similar milestones; CRO milestones of 30–60 days landed 18% late at the median */
            basis: string;
            /**
             * Format: date
             * @description Even odds of landing by this date
             */
            p50: string;
            /**
             * Format: date
             * @description Four chances in five of landing by this date
             */
            p80: string;
            /** @description Comparable completed milestones of the organization behind it (0: the global prior) */
            sampleSize: number;
        };
        MilestoneView: {
            /** Format: date */
            baselineDueDate: string;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date */
            dueDate: string;
            /** Format: date */
            forecastDate: string | null;
            /** Format: uuid */
            id: string;
            /** @description Landing-date forecast of an open milestone from the organization’s own slip history (recomputed by every drift scan); null when done, cancelled or not yet scanned */
            landingForecast: components["schemas"]["MilestoneForecastView"] | null;
            overdue: boolean;
            /** Format: uuid */
            priorityId: string;
            /** @description How many times the due date was changed */
            replanCount: number;
            /** @description Days between the baseline and where the milestone lands (DESIGN.md §3) */
            slipDays: number;
            /** @enum {string} */
            status: "planned" | "in_progress" | "done" | "cancelled";
            title: string;
            weight: number;
        };
        NextMilestoneView: {
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            id: string;
            title: string;
        };
        NotificationPreferencesDto: {
            /** @description Receive alert emails */
            emailEnabled: boolean;
            /**
             * @description Only alerts at or above this severity
             * @enum {string}
             */
            minSeverity: "info" | "warning" | "critical";
        };
        NotificationPreferencesView: {
            /** @description Receive alert emails */
            emailEnabled: boolean;
            /**
             * @description Only alerts at or above this severity
             * @enum {string}
             */
            minSeverity: "info" | "warning" | "critical";
        };
        OneClickUnsubscribeDto: {
            /** @enum {string} */
            "List-Unsubscribe"?: "One-Click";
        };
        OpenAlertCountsView: {
            critical: number;
            info: number;
            warning: number;
        };
        OrganizationSettingsView: {
            checkInMissedAfterDays: number;
            checkInWeekday: number;
            digestHour: number;
            digestsEnabled: boolean;
            digestSkipWhenEmpty: boolean;
            digestWeekday: number;
            focusCap: number;
            healthAtRiskBelow: number;
            healthOffTrackBelow: number;
            /** Format: uuid */
            id: string;
            name: string;
            notifyPeopleWithoutAccount: boolean;
            overdueAtRiskDays: number;
            ownersMayCheckIn: boolean;
            termNoticeWarningDays: number;
            timezone: string;
        };
        OwnerPage: {
            items: components["schemas"]["OwnerView"][];
            limit: number;
            offset: number;
            total: number;
        };
        OwnerView: {
            /** @description Active priorities this owner carries across the organization */
            activePriorities: number;
            /** Format: uuid */
            clientId: string;
            email: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            title: string | null;
            /** Format: uuid */
            userId: string | null;
        };
        PasswordResetAcceptedView: {
            /**
             * @description The same answer whether or not the email belongs to an account
             * @enum {string}
             */
            status: "accepted";
        };
        PasswordResetConfirmDto: {
            /**
             * Format: password
             * @description Not one of the 30,000 most common passwords (nor one padded with digits or repeated)
             */
            newPassword: string;
            /** @description The token from the emailed link */
            token: string;
        };
        PasswordResetRequestDto: {
            /** @example manager@demo.test */
            email: string;
        };
        PlannedMilestoneView: {
            /** Format: date */
            dueDate: string;
            /**
             * Format: uuid
             * @description Set once applied
             */
            id: string | null;
            title: string;
            weight: number;
        };
        PlannedPriorityView: {
            description: string | null;
            /**
             * Format: uuid
             * @description Set once applied
             */
            id: string | null;
            milestones: components["schemas"]["PlannedMilestoneView"][];
            /** Format: uuid */
            ownerId: string;
            /** @description 1-based position in the playbook */
            position: number;
            rank: number;
            /** Format: date */
            startDate: string;
            /** @enum {string} */
            status: "active" | "draft";
            /** Format: date */
            targetDate: string;
            title: string;
        };
        PlaybookApplicationView: {
            activated: number;
            /** @description Active priorities before the playbook */
            activeBefore: number;
            /** Format: uuid */
            applicationId: string | null;
            /** @description false: a dry run, nothing was written */
            applied: boolean;
            /** @description Priorities created as draft because the focus cap had no room */
            drafted: number;
            /** Format: uuid */
            engagementId: string;
            focusCap: number;
            /** @description What happens (or happened), in a sentence */
            message: string;
            /** Format: uuid */
            playbookId: string;
            playbookName: string;
            priorities: components["schemas"]["PlannedPriorityView"][];
            /** Format: date */
            startDate: string;
            version: number;
        };
        PlaybookEffectivenessView: {
            /** @description Milestones that can be judged: done, or open past their baseline date */
            assessed: number;
            /** @description Engagements the version was applied to */
            engagements: number;
            meanSlipDays: number | null;
            /** @description Over the assessed milestones */
            medianSlipDays: number | null;
            /** @description Milestones created from it (cancelled ones left out) */
            milestones: number;
            /** @description Done on or before the baseline date */
            onTime: number;
            /** @description onTime / assessed */
            onTimeRate: number | null;
            /** Format: uuid */
            playbookId: string;
            playbookName: string;
            priorities: number;
            prioritiesAchieved: number;
            /** @description Due-date changes per milestone */
            replansPerMilestone: number | null;
            version: number;
        };
        PlaybookMilestoneDto: {
            /** @description Due this many days after the start */
            offsetDays: number;
            /** @example Pipeline audit done */
            title: string;
            /** @default 1 */
            weight: number;
        };
        PlaybookMilestoneView: {
            offsetDays: number;
            title: string;
            weight: number;
        };
        PlaybookPriorityDto: {
            description?: string | null;
            milestones: components["schemas"]["PlaybookMilestoneDto"][];
            /**
             * @description Starts this many days in
             * @default 0
             */
            startOffsetDays: number;
            /** @example VP Sales */
            suggestedOwnerTitle?: string | null;
            /** @description Should be achieved this many days in */
            targetOffsetDays: number;
            /** @example Rebuild the qualified pipeline */
            title: string;
        };
        PlaybookPriorityView: {
            description: string | null;
            milestones: components["schemas"]["PlaybookMilestoneView"][];
            startOffsetDays: number;
            suggestedOwnerTitle: string | null;
            targetOffsetDays: number;
            title: string;
        };
        PlaybookSummaryView: {
            /** @description How many times any of its versions was applied */
            applications: number;
            /** Format: date-time */
            archivedAt: string | null;
            description: string | null;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO" | "any";
            /** Format: uuid */
            id: string;
            milestoneCount: number;
            name: string;
            priorityCount: number;
            /** Format: date-time */
            updatedAt: string;
            /** @description The current version (each edit adds one) */
            version: number;
        };
        PlaybookView: {
            /** @description How many times any of its versions was applied */
            applications: number;
            /** Format: date-time */
            archivedAt: string | null;
            description: string | null;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO" | "any";
            /** Format: uuid */
            id: string;
            milestoneCount: number;
            name: string;
            priorities: components["schemas"]["PlaybookPriorityView"][];
            priorityCount: number;
            /**
             * Format: uuid
             * @description The engagement it was saved from
             */
            sourceEngagementId: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description The current version (each edit adds one) */
            version: number;
        };
        PortfolioItemView: {
            /**
             * Format: uuid
             * @description Omitted for client viewers
             */
            accountManagerId?: string | null;
            /** @description Omitted for client viewers */
            accountManagerName?: string | null;
            /** Format: uuid */
            clientId: string;
            clientName: string;
            /** @description Days per week; omitted for client viewers */
            daysPerWeek?: number;
            /** @description Latest daily drift snapshot (0..100, higher is worse); null before the first scan */
            driftScore: number | null;
            /** @description Last snapshot of each of the last 8 weeks, oldest first */
            driftTrend: components["schemas"]["DriftPointView"][];
            /** Format: uuid */
            engagementId: string;
            /**
             * Format: date
             * @description When the executive changed, during the first 30 days after the change (null otherwise)
             */
            executiveChangedOn: string | null;
            /** Format: uuid */
            executiveId: string;
            executiveName: string;
            /** @description Mean expected progress of active priorities (0..1) */
            expectedProgress: number;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO";
            /**
             * @description The engagement in one word: the worst active priority, each the worse of its computed health and reported RAG; null with no active priority
             * @enum {string|null}
             */
            headline: "on_track" | "at_risk" | "off_track" | "overdue" | "achieved" | "dropped" | null;
            /**
             * @description Worst computed health among active priorities
             * @enum {string|null}
             */
            health: "on_track" | "at_risk" | "off_track" | "overdue" | "achieved" | "dropped" | null;
            /** @description When reported and computed differ, one line saying why ("reported on track; computed at risk: …") */
            healthNote: string | null;
            /** @description Latest P50 and P80 landing dates of its active priorities’ open milestones, against its planned end (else its latest priority target); null before the first scan or with nothing open */
            landingForecast: components["schemas"]["LandingRangeView"] | null;
            /** Format: date-time */
            lastCheckInAt: string | null;
            nextMilestone: components["schemas"]["NextMilestoneView"] | null;
            /**
             * Format: date
             * @description termEndDate − notice period
             */
            noticeDeadline: string | null;
            /** @description Open and acknowledged alerts by severity: those you can list with GET /alerts?engagementId= (client viewers: not the allocation alerts) */
            openAlerts: components["schemas"]["OpenAlertCountsView"];
            overdueMilestones: number;
            priorityCounts: components["schemas"]["PriorityCountsView"];
            /** @description Mean progress of active priorities (0..1) */
            progress: number;
            /** @description Reported RAG is better than computed health */
            ragDisagrees: boolean;
            /** Format: date */
            renewalDate: string | null;
            /**
             * @description Worst latest reported RAG among active priorities
             * @enum {string|null}
             */
            reportedRag: "on_track" | "at_risk" | "off_track" | null;
            /** @enum {string} */
            status: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            /** Format: date */
            termEndDate: string | null;
        };
        PortfolioPage: {
            /**
             * Format: date
             * @description Today in the organization's timezone
             */
            asOf: string;
            items: components["schemas"]["PortfolioItemView"][];
            limit: number;
            offset: number;
            total: number;
        };
        PriorityCountsView: {
            achieved: number;
            active: number;
            draft: number;
            dropped: number;
        };
        PriorityOwnerView: {
            email: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            title: string | null;
        };
        PriorityView: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** Format: uuid */
            engagementId: string;
            /** Format: uuid */
            id: string;
            owner: components["schemas"]["PriorityOwnerView"];
            rank: number;
            /** Format: date */
            startDate: string;
            /** @enum {string} */
            status: "draft" | "active" | "achieved" | "dropped";
            /** Format: date */
            targetDate: string;
            title: string;
        };
        ProgressPointView: {
            /** Format: date */
            date: string;
            /** @description Share of the active priorities’ milestone weight done by that day (0..1) */
            progress: number;
        };
        PulseHistoryView: {
            /** @enum {string|null} */
            direction: "up" | "down" | "flat" | null;
            /** @description Newest first (the last 24) */
            items: components["schemas"]["PulseView"][];
            latestScore: number | null;
            /** @description Monthly mean scores, oldest first */
            months: components["schemas"]["PulseMonthView"][];
        };
        PulseMonthView: {
            answers: number;
            mean: number;
            /** @example 2026-12 */
            month: string;
        };
        PulseView: {
            comment: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            engagementId: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            reason: "monthly" | "priority_achieved";
            respondentName: string | null;
            score: number;
        };
        QueuedDigestView: {
            email: string;
            /** @example 2026-W48 */
            isoWeek: string;
            /** Format: uuid */
            userId: string;
        };
        RefreshDto: {
            /** @description The refresh token from login or the previous refresh */
            refreshToken: string;
        };
        ReplanMilestoneDto: {
            /**
             * @description Required: the cause. client and allocation are not the executive's own slips (the drift score leaves them out)
             * @enum {string}
             */
            category: "client" | "executive" | "allocation" | "dependency" | "scope";
            /**
             * Format: date
             * @description The new due date
             * @example 2026-03-31
             */
            dueDate: string;
            /**
             * @description Required: why the date moves
             * @example Vendor contract slipped two weeks
             */
            reason: string;
        };
        ReportList: {
            items: components["schemas"]["ReportSummaryView"][];
        };
        ReportSummaryView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            engagementId: string;
            headline: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            periodEnd: string;
            /** Format: date */
            periodStart: string;
        };
        ReportView: {
            /** @description The frozen snapshot */
            content: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            engagementId: string;
            /** Format: uuid */
            id: string;
            /** Format: date */
            periodEnd: string;
            /** Format: date */
            periodStart: string;
        };
        ResolveAlertDto: {
            /** @example Agreed a new plan with the client; tracked in the next check-in */
            note: string;
        };
        SaveEngagementAsPlaybookDto: {
            description?: string | null;
            /**
             * @description Defaults to the engagement's function
             * @enum {string}
             */
            function?: "CRO" | "CMO" | "CPO" | "any";
            /** @example Acme revenue turnaround */
            name: string;
        };
        SendDigestsNowDto: {
            /**
             * @description Send again even if the recipient already has this week’s digest
             * @default false
             */
            force: boolean;
            /**
             * Format: uuid
             * @description One user; leave out for everyone in the organization who has not opted out
             */
            userId?: string;
        };
        SendDigestsNowView: {
            /** @description Digests queued (one per recipient; each still at most one per week unless forced) */
            queued: number;
            recipients: components["schemas"]["QueuedDigestView"][];
        };
        SetupMilestoneView: {
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            id: string;
            title: string;
        };
        SetupOwnerDto: {
            /** @example priya@acme.example */
            email?: string | null;
            /** @example Priya Raman */
            name: string;
            /** @example VP Sales */
            title?: string | null;
            /** Format: uuid */
            userId?: string | null;
        };
        SetupPriorityDto: {
            description?: string | null;
            milestones: components["schemas"]["CreateMilestoneDto"][];
            /** @description A new owner at the client, created with it (or `ownerId`) */
            owner?: components["schemas"]["SetupOwnerDto"];
            /**
             * Format: uuid
             * @description An existing owner at the engagement's client (or `owner`)
             */
            ownerId?: string;
            /**
             * Format: date
             * @description Defaults to today in the organization timezone
             * @example 2026-03-31
             */
            startDate?: string;
            /**
             * @default active
             * @enum {string}
             */
            status: "draft" | "active" | "achieved" | "dropped";
            /**
             * Format: date
             * @description When the priority should be achieved
             * @example 2026-06-30
             */
            targetDate: string;
            /** @example Rebuild the enterprise sales pipeline */
            title: string;
        };
        SetupPriorityView: {
            /** Format: uuid */
            id: string;
            milestones: components["schemas"]["SetupMilestoneView"][];
            /** @description The owner was created by this request */
            ownerCreated: boolean;
            /** Format: uuid */
            ownerId: string;
            rank: number;
            status: string;
            title: string;
        };
        ShareLinkList: {
            items: components["schemas"]["ShareLinkView"][];
        };
        ShareLinkView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastViewedAt: string | null;
            /** Format: uuid */
            reportId: string;
            /** Format: date-time */
            revokedAt: string | null;
            viewCount: number;
        };
        SignupAcceptedView: {
            /**
             * @description The same answer whether or not the email already has an account: the next step is in the email
             * @enum {string}
             */
            status: "accepted";
        };
        SignupDto: {
            /** @example alex@northstar.example */
            email: string;
            /** @example Alex Morgan */
            name: string;
            /** @example Northstar Partners */
            organizationName: string;
            /**
             * Format: password
             * @description Not one of the 30,000 most common passwords (nor one padded with digits or repeated)
             */
            password: string;
            /**
             * @default UTC
             * @example Europe/London
             */
            timezone: string;
        };
        SignupVerifyDto: {
            /** @description The token from the emailed sign-up link */
            token: string;
        };
        SsoCallbackDto: {
            /**
             * @description The query string the IdP sent the browser back with (to /sso/callback)
             * @example ?code=abc&state=xyz
             */
            callbackQuery: string;
        };
        SsoDiscoveryView: {
            /** @description Whether the address belongs to an organization that signs in with its IdP */
            available: boolean;
            /** @example Sign in with login.acme.com */
            label?: string;
        };
        SsoSettingsDto: {
            /**
             * @description Who may sign in: email domains (exactly, no subdomains), each at most one organization
             * @example [
             *       "acme.com"
             *     ]
             */
            allowedDomains: string[];
            clientId: string;
            /**
             * Format: password
             * @description Required the first time; left out, the stored one stays. Stored encrypted, never shown again.
             */
            clientSecret?: string;
            /**
             * @description The role of a person signing in for the first time
             * @enum {string}
             */
            defaultRole: "admin" | "account_manager" | "executive" | "client_viewer";
            /** @description Offer "Sign in with …" on the login page */
            enabled: boolean;
            /** @description The IdP's issuer URL (its discovery document is <issuer>/.well-known/openid-configuration) */
            issuer: string;
        };
        SsoSettingsView: {
            allowedDomains: string[];
            clientId: string | null;
            configured: boolean;
            /** @enum {string|null} */
            defaultRole: "admin" | "account_manager" | "executive" | "client_viewer" | null;
            enabled: boolean;
            /** @description Whether a client secret is stored (it is never shown) */
            hasClientSecret: boolean;
            issuer: string | null;
            /** @description Register this as the redirect URI at the IdP */
            redirectUri: string;
        };
        SsoStartDto: {
            /** @example ann@acme.com */
            email: string;
        };
        SsoStartView: {
            /** @description The IdP's authorization URL: send the browser there */
            authorizationUrl: string;
        };
        SummaryCheckInView: {
            /** Format: date-time */
            acknowledgedAt: string | null;
            authorName: string | null;
            blockerItems: components["schemas"]["CheckInBlockerView"][];
            blockers: string | null;
            confidence: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            note: string;
            /** Format: uuid */
            priorityId: string;
            /** @enum {string} */
            rag: "on_track" | "at_risk" | "off_track";
        };
        SummaryEngagementView: {
            autoRenew: boolean;
            /** Format: uuid */
            clientId: string;
            clientName: string;
            /** @description Omitted for client viewers */
            daysPerWeek?: number;
            /** Format: uuid */
            executiveId: string;
            executiveName: string;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO";
            /**
             * @description As the portfolio says it: one word, null with no active priority
             * @enum {string|null}
             */
            headline: "on_track" | "at_risk" | "off_track" | "overdue" | "achieved" | "dropped" | null;
            /**
             * @description Worst computed health among active priorities
             * @enum {string|null}
             */
            health: "on_track" | "at_risk" | "off_track" | "overdue" | "achieved" | "dropped" | null;
            /** @description When reported and computed differ, one line saying why */
            healthNote: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description termEndDate − notice period
             */
            noticeDeadline: string | null;
            noticePeriodDays: number;
            /** Format: date */
            plannedEndDate: string | null;
            /** Format: date */
            renewalDate: string | null;
            /**
             * @description Worst latest reported RAG among active priorities
             * @enum {string|null}
             */
            reportedRag: "on_track" | "at_risk" | "off_track" | null;
            /** Format: date */
            startDate: string;
            /** @enum {string} */
            status: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            /** Format: date */
            termEndDate: string | null;
        };
        SummaryPriorityView: {
            /** @description Oldest first */
            confidenceTrend: components["schemas"]["ConfidencePointView"][];
            expectedProgress: number;
            /**
             * @description The worse of computed health and reported RAG; the outcome when finished
             * @enum {string}
             */
            headline: "on_track" | "at_risk" | "off_track" | "overdue" | "achieved" | "dropped";
            /** @enum {string} */
            health: "on_track" | "at_risk" | "off_track" | "overdue" | "achieved" | "dropped";
            /** @description When reported and computed differ, one line saying why ("reported on track; computed at risk: …") */
            healthNote: string | null;
            /** Format: uuid */
            id: string;
            /** @description Latest P50 and P80 landing dates of its open milestones, against its target date; null when none is forecast */
            landingForecast: components["schemas"]["LandingRangeView"] | null;
            milestones: components["schemas"]["MilestoneView"][];
            owner: components["schemas"]["PriorityOwnerView"];
            progress: number;
            ragDisagrees: boolean;
            rank: number;
            /** @enum {string|null} */
            reportedRag: "on_track" | "at_risk" | "off_track" | null;
            /** Format: date */
            startDate: string;
            /** @enum {string} */
            status: "draft" | "active" | "achieved" | "dropped";
            /** Format: date */
            targetDate: string;
            title: string;
        };
        TokenPairView: {
            /** @description JWT (HS256), short-lived; send as Authorization: Bearer */
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Opaque, single use: each refresh returns a new one */
            refreshToken: string;
        };
        UnsubscribeView: {
            email: string;
            optedOut: boolean;
        };
        UpdateClientDto: {
            /**
             * Format: uuid
             * @description An admin or account manager of this organization
             */
            accountManagerId?: string | null;
            /** @example Industrial automation */
            industry?: string | null;
            /** @example Acme Robotics */
            name?: string;
            /** @enum {string} */
            stage?: "emerging" | "growth" | "enterprise";
            /**
             * @default active
             * @enum {string}
             */
            status: "active" | "inactive";
        };
        UpdateEngagementDto: {
            /** @description The term renews by itself unless notice is given */
            autoRenew?: boolean;
            /**
             * @description weekly (a new engagement's default): a check-in is due per active priority on the organization's check-in day, with a reminder; off: none
             * @enum {string}
             */
            checkInCadence?: "weekly" | "off";
            /**
             * @description Days of notice before the term end
             * @example 30
             */
            noticePeriodDays?: number;
            /**
             * Format: date
             * @example 2026-03-31
             */
            plannedEndDate?: string | null;
            /**
             * Format: date
             * @description When the renewal starts
             * @example 2026-03-31
             */
            renewalDate?: string | null;
            /**
             * Format: date
             * @example 2026-03-31
             */
            startDate?: string;
            /**
             * @description Only along the lifecycle: proposed → active → paused or renewing → active or ended (completed, cancelled); otherwise 422 ENGAGEMENT.STATUS_TRANSITION
             * @enum {string}
             */
            status?: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            /**
             * Format: date
             * @description Last day of the current term
             * @example 2026-03-31
             */
            termEndDate?: string | null;
        };
        UpdateExecutiveDto: {
            /** @example dana@example.com */
            email?: string;
            /**
             * @example [
             *       "CRO"
             *     ]
             */
            functions?: ("CRO" | "CMO" | "CPO")[];
            /** @example Dana Whitfield */
            name?: string;
            /**
             * Format: uuid
             * @description The user account (role executive) this person logs in with
             */
            userId?: string | null;
        };
        UpdateMilestoneDto: {
            /**
             * Format: date
             * @description Forecast date; null clears it
             * @example 2026-03-31
             */
            forecastDate?: string | null;
            /**
             * @description Use POST /milestones/:id/complete to mark done
             * @enum {string}
             */
            status?: "planned" | "in_progress" | "cancelled";
            title?: string;
            weight?: number;
        };
        UpdateOrganizationSettingsDto: {
            /** @description Alert (check_in_missed) when a due check-in is still missing this many days after its day (default 2) */
            checkInMissedAfterDays?: number;
            /** @description The check-in day, ISO weekday 1 = Monday (default 1) */
            checkInWeekday?: number;
            /** @description Default digest hour, local time of each recipient */
            digestHour?: number;
            /** @description Weekly digests for users who have not chosen themselves (false: opted out by default) */
            digestsEnabled?: boolean;
            /** @description Default: do not send a digest that has nothing to report */
            digestSkipWhenEmpty?: boolean;
            /** @description Default digest weekday, ISO (1 = Monday) */
            digestWeekday?: number;
            /** @description Most active priorities per engagement */
            focusCap?: number;
            /** @description on_track while progress ≥ expected − this */
            healthAtRiskBelow?: number;
            /** @description off_track once progress < expected − this */
            healthOffTrackBelow?: number;
            name?: string;
            /** @description Send alert emails to executives and owners who have no user account, at the email on their profile (default false) */
            notifyPeopleWithoutAccount?: boolean;
            /** @description An open milestone overdue by more than this many days makes its priority at_risk (4× → off_track) */
            overdueAtRiskDays?: number;
            /** @description Priority owners with an account get check-in reminders and may check in (default false) */
            ownersMayCheckIn?: boolean;
            /** @description Alert (engagement_term_ending) once an engagement's notice deadline is this many days away (default 30) */
            termNoticeWarningDays?: number;
            /** @example Europe/London */
            timezone?: string;
        };
        UpdateOwnerDto: {
            /** @example priya@acme.example */
            email?: string | null;
            /** @example Priya Raman */
            name?: string;
            /** @example VP Sales */
            title?: string | null;
            /** Format: uuid */
            userId?: string | null;
        };
        UpdatePriorityDto: {
            description?: string | null;
            /** Format: uuid */
            ownerId?: string;
            /** @description Move to this position among active priorities */
            rank?: number;
            /**
             * Format: date
             * @example 2026-03-31
             */
            startDate?: string;
            /** @enum {string} */
            status?: "draft" | "active" | "achieved" | "dropped";
            /**
             * Format: date
             * @example 2026-03-31
             */
            targetDate?: string;
            title?: string;
        };
        UpdateProfileDto: {
            name?: string;
            /**
             * @description IANA timezone for dates and times; null follows the organization's
             * @example America/New_York
             */
            timezone?: string | null;
        };
        UpdateWebhookDto: {
            /** @description Re-enabling resets the failure count */
            enabled?: boolean;
            /** @enum {string} */
            format?: "json" | "slack" | "teams";
            /** @enum {string} */
            minSeverity?: "info" | "warning" | "critical";
            url?: string;
        };
        UserPage: {
            items: components["schemas"]["UserView"][];
            limit: number;
            offset: number;
            total: number;
        };
        UserView: {
            /** @description Granted clients (client viewers) */
            clientIds: string[];
            /** Format: date-time */
            createdAt: string;
            disabled: boolean;
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            organizationId: string;
            /** @enum {string} */
            role: "admin" | "account_manager" | "executive" | "client_viewer";
            timezone: string | null;
        };
        WebhookView: {
            consecutiveFailures: number;
            /** Format: date-time */
            disabledAt: string | null;
            enabled: boolean;
            /** @enum {string} */
            format: "json" | "slack" | "teams";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            minSeverity: "info" | "warning" | "critical";
            url: string;
        };
        WhatIfMilestoneView: {
            /** Format: date */
            dueDate: string;
            /** Format: uuid */
            id: string;
            /** @description The same with the change (null: no allocated days) */
            loadAfter: number | null;
            /** @description Milestones per allocated day/week in the 30 days up to the due date, as booked */
            loadBefore: number | null;
            /** Format: uuid */
            priorityId: string;
            title: string;
        };
        WritePlaybookDto: {
            description?: string | null;
            /** @enum {string} */
            function: "CRO" | "CMO" | "CPO" | "any";
            /** @example CRO 90-day revenue engine */
            name: string;
            priorities: components["schemas"]["PlaybookPriorityDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
        };
    };
    AlertsController_list: {
        parameters: {
            query?: {
                clientId?: string;
                engagementId?: string;
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description A rule hidden from your role (client viewers: allocation_mismatch) is refused with 400 */
                rule?: "milestone_overdue" | "milestone_forecast_slip" | "milestone_replanned" | "priority_behind_plan" | "priority_stalled" | "confidence_falling" | "focus_overload" | "owner_overload" | "owner_missing" | "allocation_mismatch" | "engagement_term_ending" | "renewal_at_risk" | "forecast_beyond_target" | "check_in_missed";
                severity?: "info" | "warning" | "critical";
                status?: "open" | "acknowledged" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AlertsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDetailView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AlertsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDetailView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AlertsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveAlertDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDetailView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AlertsController_bulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkAlertActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAlertActionView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description Exact action */
                action?: string;
                actorId?: string;
                entityId?: string;
                entityType?: string;
                /** @description Events at or after this instant */
                from?: string;
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description Events before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionView"];
                };
            };
            /** @description Invalid email or password (same answer for unknown emails) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many failed attempts for this account or from this address (Retry-After says when to retry) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetAcceptedView"];
                };
            };
            /** @description Too many requests for this email or from this address (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairView"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupAcceptedView"];
                };
            };
            /** @description Too many requests for this email or from this address (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_verifySignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupVerifyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionView"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SsoController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoCallbackDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionView"];
                };
            };
            /** @description SSO.STATE_INVALID, SSO.IDP_ERROR (nonce, PKCE, signature…), SSO.DOMAIN_NOT_ALLOWED, SSO.USER_DISABLED… */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SsoController_discover: {
        parameters: {
            query: {
                email: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoDiscoveryView"];
                };
            };
        };
    };
    SsoController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoStartDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoStartView"];
                };
            };
            /** @description SSO.NOT_AVAILABLE for this email address */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CalendarController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description <token>.ics, as POST /me/calendar-feed answered it */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description iCalendar (RFC 5545) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Unknown or regenerated token, or a disabled user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CheckInLinksController_checkIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInByLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInView"];
                };
            };
            /** @description CHECK_IN_LINK.INVALID_TOKEN: the link matches no reminder */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description CHECK_IN_LINK.USED, CHECK_IN_LINK.EXPIRED or CHECK_IN_LINK.CLOSED: the link can no longer be followed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CheckInLinksController_inspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInLinkTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInLinkView"];
                };
            };
            /** @description CHECK_IN_LINK.INVALID_TOKEN: the link matches no reminder */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description CHECK_IN_LINK.USED, CHECK_IN_LINK.EXPIRED or CHECK_IN_LINK.CLOSED: the link can no longer be followed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CheckInsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CheckInLinksController_discipline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisciplineReportView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ClientSummaryController_list: {
        parameters: {
            query?: {
                /** @description Only this client’s engagements */
                clientId?: string;
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSummaryPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ClientsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description Case-insensitive match on the name */
                search?: string;
                sort?: "name" | "createdAt";
                stage?: "emerging" | "growth" | "enterprise";
                status?: "active" | "inactive";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ClientsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClientDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ClientsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ClientsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateClientDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DigestsController_history: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description Admins: one recipient */
                userId?: string;
                week?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestHistoryPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DigestsController_preview: {
        parameters: {
            query?: {
                /** @description html: the email body itself (text/html) */
                format?: "json" | "html";
                /** @description Whose digest (default: yours); another user needs the admin role */
                userId?: string;
                /** @description ISO week in the recipient's timezone (default: the current one) */
                week?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestPreviewView"];
                    "text/html": string;
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DigestsController_sendNow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendDigestsNowDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendDigestsNowView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DigestsController_unsubscribeInfo: {
        parameters: {
            query: {
                /** @description The signed token from the digest email */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsubscribeView"];
                    "text/html": string;
                };
            };
            /** @description Tampered, malformed or expired token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DigestsController_unsubscribe: {
        parameters: {
            query: {
                /** @description The signed token from the digest email */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OneClickUnsubscribeDto"];
                "application/x-www-form-urlencoded": components["schemas"]["OneClickUnsubscribeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsubscribeView"];
                    "text/html": string;
                };
            };
            /** @description Tampered, malformed or expired token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_list: {
        parameters: {
            query?: {
                clientId?: string;
                executiveId?: string;
                function?: "CRO" | "CMO" | "CPO";
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description Only engagements whose renewal date is between today and today + this many days */
                renewingWithinDays?: number;
                sort?: "startDate" | "client" | "status" | "createdAt";
                status?: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEngagementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEngagementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_allocationHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationChangeView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_changeAllocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAllocationChangeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationChangeView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_allocationWhatIf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAllocationChangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationWhatIfView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ClientSummaryController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSummaryView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutiveChangesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutiveChangeList"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutiveChangesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExecutiveChangeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutiveChangeDetailView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ImportsController_engagementMilestones: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with a byte order mark */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_applications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementPlaybookView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyPlaybookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookApplicationView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyPlaybookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookApplicationView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrioritiesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrioritiesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePriorityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PulseController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PulseHistoryView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PulseController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerPulseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PulseView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportList"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_saveAsPlaybook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveEngagementAsPlaybookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementSummaryView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_setup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEngagementSetupDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementSetupView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutiveChangesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutiveChangeDetailView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutiveChangesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutivesController_list: {
        parameters: {
            query?: {
                function?: "CRO" | "CMO" | "CPO";
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                search?: string;
                sort?: "name" | "createdAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutivePage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutivesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateExecutiveDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutiveView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutivesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutiveView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ExecutivesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateExecutiveDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutiveView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ImportsController_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "portfolio" | "alerts" | "clients" | "executives" | "engagements" | "owners" | "priorities" | "milestones";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with a byte order mark; cells that would run as a formula start with a quote */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ImportsController_import: {
        parameters: {
            query?: {
                /** @description dry-run (default): answer per row and write nothing; commit: write all rows in one transaction or none */
                mode?: "dry-run" | "commit";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One CSV file per type, in the field named after it (any subset); columns: GET /imports/templates/{type}. Applied in the order clients, executives, engagements, owners, priorities, milestones. */
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ImportUploadDto"];
            };
        };
        responses: {
            /** @description The per-row report (a commit answers it only when every row was written) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A file over 20 MB or an upload over 25 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ImportsController_template: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "clients" | "executives" | "engagements" | "owners" | "priorities" | "milestones";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with a byte order mark */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InvitationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description open: not accepted nor revoked (pending and expired) */
                status?: "open" | "pending" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InvitationsController_invite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InvitationsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InvitationsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InvitationsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVITATION.INVALID_TOKEN: the link matches no invitation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description USER.EMAIL_TAKEN: the address already has an account */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVITATION.EXPIRED, INVITATION.USED or INVITATION.REVOKED: the link can no longer be followed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    InvitationsController_inspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationLinkView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVITATION.INVALID_TOKEN: the link matches no invitation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description INVITATION.EXPIRED, INVITATION.USED or INVITATION.REVOKED: the link can no longer be followed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiTokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiTokensController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiTokenView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ApiTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CalendarController_regenerate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DigestsController_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestPreferencesView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DigestsController_setPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DigestPreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestPreferencesView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_setPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many wrong current passwords (throttled like login) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MilestonesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MilestonesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMilestoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MilestonesController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteMilestoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MilestonesController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueDateChangeView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MilestonesController_replan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplanMilestoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_failed: {
        parameters: {
            query?: {
                channel?: "email" | "webhook";
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedNotificationPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AlertOptOutController_info: {
        parameters: {
            query: {
                /** @description The signed token from the alert email */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOptOutView"];
                    "text/html": string;
                };
            };
            /** @description Tampered, malformed or expired token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AlertOptOutController_optOut: {
        parameters: {
            query: {
                /** @description The signed token from the alert email */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OneClickUnsubscribeDto"];
                "application/x-www-form-urlencoded": components["schemas"]["OneClickUnsubscribeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOptOutView"];
                    "text/html": string;
                };
            };
            /** @description Tampered, malformed or expired token */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrganizationController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationSettingsView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrganizationController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationSettingsView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SsoController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoSettingsView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    SsoController_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoSettingsView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_webhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    NotificationsController_updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OwnersController_list: {
        parameters: {
            query?: {
                clientId?: string;
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OwnersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOwnerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OwnersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OwnersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOwnerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_list: {
        parameters: {
            query?: {
                /** @description Include archived playbooks */
                includeArchived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookSummaryView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WritePlaybookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WritePlaybookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_effectiveness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookEffectivenessView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_restore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PlaybooksController_effectivenessOfAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaybookEffectivenessView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PortfolioController_list: {
        parameters: {
            query?: {
                /** @description The client's account manager (a user id). Not for client viewers, who do not see it: refused with 400 naming the field. */
                accountManagerId?: string;
                clientId?: string;
                function?: "CRO" | "CMO" | "CPO";
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                /** @description Only running engagements whose renewal date is between today and today + this many days */
                renewingWithinDays?: number;
                /** @description drift: latest drift score (use order=desc for the worst first) */
                sort?: "client" | "startDate" | "nextDue" | "drift";
                status?: "proposed" | "active" | "paused" | "renewing" | "ended" | "completed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortfolioPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrioritiesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrioritiesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePriorityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriorityView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CheckInsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CheckInsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCheckInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MilestonesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"][];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    MilestonesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional. The same key again within 24 h (same user, method and path) answers the first answer and writes nothing; with a different body it answers 422 IDEMPOTENCY.KEY_REUSED. 1–255 printable ASCII characters. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMilestoneDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_shareLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareLinkList"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_share: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShareLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedShareLinkView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_shared: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description No such link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The link expired or was revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many views from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    ReportsController_sharedPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No such link */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The link expired or was revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many views from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                order?: "asc" | "desc";
                role?: "admin" | "account_manager" | "executive" | "client_viewer";
                status?: "active" | "disabled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_setGrants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientGrantsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_changeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Your role may not do this (or your API token may not: read scope, or session only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing, or outside your reach (same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A domain rule refuses it; `code` says which */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
