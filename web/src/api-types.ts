// Generated from the API's OpenAPI document by scripts/api-types.ts: do not edit by hand.

export interface paths {
    "/api/admin/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases; with stuck=true only the stuck ones, each with its reasons, most late first */
        get: operations["AdminCasesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole case: every task round, live pending activities, complaints, and one timeline of the audit log and the workflow history */
        get: operations["AdminCasesController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/cases/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reassign, escalate, retry a failing step now, reopen a finished step, cancel, or remind the applicant — audited with who and why */
        post: operations["AdminCasesController_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/clerks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A department's clerks, for picking whom to reassign its task to */
        get: operations["AdminClerksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaints, oldest first */
        get: operations["ComplaintsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/complaints/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a complaint; the applicant sees the resolution */
        post: operations["ComplaintsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Monthly figures: cases by status, enterprises opened, end-to-end working hours (median, p90 nearest-rank), each department’s share within its limit, corrections and trips per case, what government and others paid, complaints. format=csv for the report. */
        get: operations["MetricsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notification-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notification deliveries by status, newest first: the dead letters by default */
        get: operations["NotificationsController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notification-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead letter (or a skipped channel) again, with a fresh count of attempts (audited); one queued or sent already is answered as it is */
        post: operations["NotificationsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every stored version of every process, with its status (DRAFT, ACTIVE, RETIRED) */
        get: operations["AdminProcessesController_list"];
        put?: never;
        /** Upload a definition as a DRAFT, validated (audited); the same document again answers 200 with the stored version */
        post: operations["AdminProcessesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/processes/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One stored version of any status, drafts included */
        get: operations["AdminProcessesController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/processes/{key}/versions/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a DRAFT (or a RETIRED version, to roll back) the ACTIVE one; the previous ACTIVE version is RETIRED in the same transaction (audited) */
        post: operations["AdminProcessesController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/processes/{key}/versions/{version}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a version: no new case is filed under it, running cases finish on it (audited) */
        post: operations["AdminProcessesController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/application-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The form rules in force (jurisdiction, forbidden name words): the pages check the form with them before sending */
        get: operations["ApplicationRulesController_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My cases (a window: the cases it filed), newest first */
        get: operations["ApplicationsController_list"];
        put?: never;
        /** File the combined form (一次表单); a window clerk files on behalf of an applicant with onBehalfOf */
        post: operations["ApplicationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case: status, the five steps, the correction notice, the outcome, the fees */
        get: operations["ApplicationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the case */
        post: operations["ApplicationsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The complaints on my case, with their resolutions */
        get: operations["ComplaintsController_listOwn"];
        put?: never;
        /** "Can't get it done" (办不好件): raise a complaint on a case; it stays on the admins' stuck list until resolved */
        post: operations["ComplaintsController_raise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the correction notice: new values for the fields it names */
        post: operations["ApplicationsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token (once) for a new access token and the next refresh token
         * @description A refresh token used a second time ends its session (REFRESH_TOKEN_REUSED).
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register as an applicant (entrepreneur)
         * @description The answer is the same whether or not the username was free (it does not tell who has an account): sign in to find out.
         */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session of a refresh token
         * @description Its refresh tokens stop working at once; access tokens already issued expire within 15 minutes. Safe to repeat.
         */
        post: operations["AuthController_signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: a bearer token valid for 15 minutes and a refresh token
         * @description Also sets the httpOnly cookie `onetrip_device`: sign-ins from this device then count against the device's own limit, not the username's, so wrong guesses from elsewhere do not lock it out.
         */
        post: operations["AuthController_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/corrections/{round}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The correction notice (补正通知书) of one round, signed, with its verify QR code */
        get: operations["DocumentsController_correction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's documents: each correction notice, and the completion notice once completed */
        get: operations["DocumentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/outcome.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The completion notice (办结通知书) of a completed case, signed, with its verify QR code */
        get: operations["DocumentsController_outcome"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connectors/{department}/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A department system's decision on a task it accepted with 202 (signed HMAC-SHA256; the same callback twice decides once) */
        post: operations["ConnectorsController_callback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of enterprises: an applicant's own ("my enterprises", as legal representative); a window clerk or admin finds one by USCC */
        get: operations["EnterprisesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One enterprise: its registered facts (personal data masked) and its history of cases */
        get: operations["EnterprisesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether PostgreSQL and Temporal answer (503 with the failing checks when not) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving HTTP; checks no dependency (stays 200 while draining) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL and Temporal answer and the process is not draining after SIGTERM (503 otherwise) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enterprises in their notice period now (公示期): name, code and dates only, soonest ending first */
        get: operations["NoticesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notices/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Object to a case in its notice period (any signed-in user); a SAMR clerk rules on it. Idempotent by clientKey */
        post: operations["NoticesController_raise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notices (in-app), newest first, with the number unread */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notices read (again: no change) */
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where my e-mail notifications go (masked) and in which language */
        get: operations["NotificationsController_contact"];
        /** Set my e-mail address for notifications (null: none) and their language */
        put: operations["NotificationsController_setContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Round trip API → Temporal → worker → PostgreSQL and back */
        post: operations["PingsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The processes that can be filed now: the ACTIVE version of each, with its form, steps and outcome */
        get: operations["ProcessesController_catalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes/{key}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File a case of any active process: the form is checked against its definition's schema and rules */
        post: operations["ProcessApplicationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ACTIVE or RETIRED version (a case shows the version it was filed under); a draft is not published */
        get: operations["ProcessesController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processes/definition-schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published JSON Schema (2020-12) of a process definition document */
        get: operations["ProcessesController_definitionSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My department’s inbox in one status, soonest due first */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task with the part of the form this department reads */
        get: operations["TasksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an open task */
        post: operations["TasksController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the step (claims it first if need be) */
        post: operations["TasksController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The objections an objection task rules on (personal data in the reasons masked); empty for any other task */
        get: operations["NoticesController_objections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse the step: the case ends REJECTED */
        post: operations["TasksController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return the case to the applicant for correction */
        post: operations["TasksController_returnForCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/temporal-codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Codec server for Temporal Web UI / CLI (`--codec-endpoint <api>/temporal-codec`): decrypts payloads for admins; audited */
        post: operations["TemporalCodecController_decode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/verify/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anyone: is this document genuine and in force? Its signature checked; no personal data in the answer */
        get: operations["VerifyController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/window/applicants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open an account for a walk-in applicant (the window only); it is PENDING until confirmed by the code texted to the mobile
         * @description Texts a 6-digit code to the mobile. The same name and mobile again answer the same account (created: false) and send nothing new, unless its code never went out. The account has no password: the applicant sets one later.
         */
        post: operations["ApplicantsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/window/applicants/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Text a PENDING walk-in account a new code (the window only): at most one a minute; the earlier code stops working */
        post: operations["ApplicantsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/window/applicants/confirmations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a walk-in account with the code the applicant reads from their phone (the window only)
         * @description Five wrong codes spend a code; a code lasts 5 minutes. The same right code again (a retry) answers the same ACTIVE account.
         */
        post: operations["ApplicantsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/window/applicants/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find a walk-in applicant’s account by name and the last four digits of the mobile (the window only); changes nothing */
        post: operations["ApplicantsController_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdminActionResultDto: {
            action: string;
            caseId: string;
            detail: components["schemas"]["AdminCaseDetailDto"];
            /** @description What the action did, in a sentence */
            result: string;
        };
        AdminCaseActionDto: {
            /**
             * @description REASSIGN a department task to a named clerk; ESCALATE it; RETRY a failing step now (its attempts start again from 1); REOPEN a finished step; CANCEL the case; REMIND_APPLICANT of the correction the case waits for (at most once a day)
             * @enum {string}
             */
            action: "REASSIGN" | "ESCALATE" | "RETRY" | "REOPEN" | "CANCEL" | "REMIND_APPLICANT";
            /**
             * @description REASSIGN: the username of a clerk of that department
             * @example clerk-tax
             */
            clerk?: string;
            /**
             * @description REASSIGN, RETRY, REOPEN (ESCALATE: optional): the step's department, when one step of the case's definition has it
             * @example SAMR
             */
            department?: string;
            /** @description Why (kept in the audit log) */
            reason: string;
            /**
             * @description The step, by its id in the case's definition (needed where a department decides two steps)
             * @example fire-safety
             */
            stepId?: string;
        };
        AdminCaseDetailDto: {
            /** @description The actions that fit the case now (none once it has ended) */
            availableActions: components["schemas"]["AvailableActionDto"][];
            case: components["schemas"]["CaseResponseDto"];
            /** @description The latest few complaints, newest first; GET /api/admin/complaints?caseId= pages them all */
            complaints: components["schemas"]["ComplaintDto"][];
            /** @description How many complaints the case has in all */
            complaintsTotal: number;
            /** @description The form, ID numbers and mobiles masked unless ?unmask=true (audited) */
            form: Record<string, never>;
            /** @description Live from Temporal: the case's activities in flight or retrying */
            pendingActivities: components["schemas"]["PendingActivityDto"][];
            /** @description Why the case is stuck now (empty when it is not) */
            stuckReasons: components["schemas"]["StuckReasonDto"][];
            /** @description Every round of every department */
            tasks: components["schemas"]["AdminTaskDto"][];
            /** @description The audit log and the case's stored story (case_events) merged, oldest first, with what the live workflow history adds while Temporal keeps it */
            timeline: components["schemas"]["TimelineEntryDto"][];
        };
        AdminTaskDto: {
            assignedTo?: string;
            claimedBy?: string;
            decidedAt?: string;
            decidedBy?: string;
            department: string;
            dueAt: string;
            escalatedAt?: string;
            id: string;
            mode: string;
            openedAt: string;
            overdueAt?: string;
            rejectReason?: string;
            remindedAt?: string;
            returnItems?: components["schemas"]["ReturnItemResponseDto"][];
            round: number;
            status: string;
            /** @description The step of the case's definition */
            stepId: string;
        };
        ApplicantCodeSendDto: {
            /**
             * @description The account the window opened
             * @example walkin-1a2b3c4d
             */
            username: string;
        };
        ApplicantConfirmDto: {
            /** @example 123456 */
            code: string;
            /**
             * @description The account the window opened
             * @example walkin-1a2b3c4d
             */
            username: string;
        };
        ApplicantCreatedResponseDto: {
            /** @description PENDING: wrong codes still allowed for the current code */
            attemptsLeft?: number;
            /** @description False until the applicant has set a password */
            canSignIn: boolean;
            /**
             * Format: date-time
             * @description PENDING: when the current code stops working
             */
            codeExpiresAt?: string;
            /**
             * Format: date-time
             * @description PENDING: when the current code was texted (absent while it has not gone out)
             */
            codeSentAt?: string;
            /** @description False when an account with this name and mobile already existed (a repeated request): that one is answered */
            created: boolean;
            /** @example 138****1111 */
            maskedMobile: string;
            /** @example 王五 */
            name: string;
            /**
             * Format: date-time
             * @description PENDING: from when another code may be sent
             */
            resendAt?: string;
            /**
             * @description PENDING: opened at the window and not yet confirmed by the code texted to the mobile; the window may file for it only once ACTIVE
             * @enum {string}
             */
            status: "PENDING" | "ACTIVE";
            /** @example wang-wu */
            username: string;
        };
        ApplicantCreateDto: {
            /**
             * @description Mainland mobile number
             * @example 13800001111
             */
            mobile: string;
            /** @example 张三 */
            name: string;
        };
        ApplicantLookupDto: {
            /** @example 5678 */
            mobileLast4: string;
            /** @example 王五 */
            name: string;
        };
        ApplicantResponseDto: {
            /** @description PENDING: wrong codes still allowed for the current code */
            attemptsLeft?: number;
            /** @description False until the applicant has set a password */
            canSignIn: boolean;
            /**
             * Format: date-time
             * @description PENDING: when the current code stops working
             */
            codeExpiresAt?: string;
            /**
             * Format: date-time
             * @description PENDING: when the current code was texted (absent while it has not gone out)
             */
            codeSentAt?: string;
            /** @example 138****1111 */
            maskedMobile: string;
            /** @example 王五 */
            name: string;
            /**
             * Format: date-time
             * @description PENDING: from when another code may be sent
             */
            resendAt?: string;
            /**
             * @description PENDING: opened at the window and not yet confirmed by the code texted to the mobile; the window may file for it only once ACTIVE
             * @enum {string}
             */
            status: "PENDING" | "ACTIVE";
            /** @example wang-wu */
            username: string;
        };
        ApplicationCreateDto: {
            bank: components["schemas"]["BankDto"];
            company: components["schemas"]["CompanyDto"];
            delivery: components["schemas"]["DeliveryDto"];
            legalRepresentative: components["schemas"]["LegalRepresentativeDto"];
            /**
             * @description WINDOW only: the username of the applicant this case is filed for (帮代办)
             * @example zhang-san
             */
            onBehalfOf?: string;
            seals: components["schemas"]["SealsDto"];
            shareholders: components["schemas"]["ShareholderDto"][];
            socialInsurance: components["schemas"]["SocialInsuranceDto"];
            tax: components["schemas"]["TaxDto"];
        };
        ApplicationFormDto: {
            bank: components["schemas"]["BankDto"];
            company: components["schemas"]["CompanyDto"];
            delivery: components["schemas"]["DeliveryDto"];
            legalRepresentative: components["schemas"]["LegalRepresentativeDto"];
            seals: components["schemas"]["SealsDto"];
            shareholders: components["schemas"]["ShareholderDto"][];
            socialInsurance: components["schemas"]["SocialInsuranceDto"];
            tax: components["schemas"]["TaxDto"];
        };
        ApplicationRulesResponseDto: {
            /**
             * @description Whether this API runs in demo mode (DEMO_MODE): the pages offer to fill the form with example data only then
             * @example false
             */
            demoMode: boolean;
            /**
             * @description Words an enterprise name may not contain (FORBIDDEN_NAME_WORDS)
             * @example [
             *       "中国",
             *       "国家"
             *     ]
             */
            forbiddenWords: string[];
            jurisdiction: components["schemas"]["JurisdictionResponseDto"];
        };
        AvailableActionDto: {
            /** @enum {string} */
            action: "REASSIGN" | "ESCALATE" | "RETRY" | "REOPEN" | "CANCEL" | "REMIND_APPLICANT";
            /** @description The steps it may name (ids of the case's definition); empty for an action on the whole case */
            stepIds: string[];
        };
        BankDto: {
            /** @example ICBC */
            bankCode: string;
            /** @example 吉首乾州支行 */
            branch?: string;
        };
        CaseApplicantDto: {
            /**
             * @description The name the account gave
             * @example 王五
             */
            name?: string;
            /** @example wang-wu */
            username: string;
        };
        CaseCancelDto: {
            /** @example Changed my plans */
            reason: string;
        };
        CaseDocumentDto: {
            /** @enum {string} */
            kind: "OUTCOME" | "CORRECTION_NOTICE";
            /** @description The PDF, under /api */
            path: string;
            /** @description OUTCOME: 1; CORRECTION_NOTICE: the round */
            version: number;
        };
        CaseListResponseDto: {
            items: components["schemas"]["CaseResponseDto"][];
            total: number;
        };
        CaseOutcomeDto: {
            /**
             * @example {
             *       "bankCode": "ICBC",
             *       "accountNumber": "6222…"
             *     }
             */
            bankAccount: Record<string, never>;
            /**
             * @example {
             *       "method": "FREE_MAIL",
             *       "tripsRequired": 0
             *     }
             */
            delivery: Record<string, never>;
            licenseNumber: string;
            /**
             * @description Free mail: the item number the postal system issued (S10), once it has taken the shipment
             * @example EA123456785CN
             */
            mailTrackingNumber?: string;
            seals: components["schemas"]["SealOutcomeDto"][];
            /**
             * @example {
             *       "registrationNumber": "4331017…"
             *     }
             */
            socialInsurance: Record<string, never>;
            /**
             * @example {
             *       "taxpayerId": "91433101…",
             *       "ukeyNumber": "66…"
             *     }
             */
            tax: Record<string, never>;
            uscc: string;
        };
        CaseProcessDto: {
            /** @example enterprise-opening */
            key: string;
            name: components["schemas"]["LocalizedNameDto"];
            /** @example 1 */
            version: number;
        };
        CaseResponseDto: {
            /** @description The applicant the case is for: only to the window that filed it */
            applicant?: components["schemas"]["CaseApplicantDto"];
            /** Format: date-time */
            completedAt?: string;
            /** @description When AWAITING_CORRECTION */
            correction?: components["schemas"]["CorrectionNoticeDto"];
            /** @description Why the case was rejected or cancelled */
            endReason?: string;
            fees: components["schemas"]["FeesDto"];
            /** @description Things a clerk will look at (not reasons to refuse) */
            flags?: components["schemas"]["RuleFlagDto"][];
            /** @description The form, for its owner only */
            form?: components["schemas"]["ApplicationFormDto"];
            /** Format: uuid */
            id: string;
            /** @description When COMPLETED: one combined outcome (一次办好) */
            outcome?: components["schemas"]["CaseOutcomeDto"];
            process: components["schemas"]["CaseProcessDto"];
            /** @enum {string} */
            status: "SUBMITTED" | "IN_PROGRESS" | "AWAITING_CORRECTION" | "COMPLETED" | "REJECTED" | "CANCELLED";
            /** @description Every step of the case's definition version, in its order (the opening's: SAMR, PSB, TAX, HRSS, BANK) */
            steps: components["schemas"]["CaseStepDto"][];
            /** Format: date-time */
            submittedAt: string;
        };
        CaseStepDto: {
            /** Format: date-time */
            completedAt?: string;
            /**
             * @description The department whose clerks decide the step (a code the definition declares)
             * @example SAMR
             */
            department: string;
            /** @description Steps that must be done (or not needed) before this one opens */
            dependsOn: string[];
            /**
             * Format: date-time
             * @description Time limit of the open step
             */
            dueAt?: string;
            name: components["schemas"]["LocalizedNameDto"];
            /** @description What the department issued */
            outputs?: {
                [key: string]: unknown;
            };
            /** @description Open or claimed and past its time limit */
            overdue: boolean;
            /** @description Which opening of the step the current task is (1 = first; more after corrections) */
            round?: number;
            /**
             * @description PENDING until the step opens; SKIPPED when the form does not need it
             * @enum {string}
             */
            status: "PENDING" | "OPEN" | "CLAIMED" | "RETURNED" | "DONE" | "REJECTED" | "CANCELLED" | "SKIPPED";
            /**
             * @description The step's id in its definition (the enterprise opening's are its department codes)
             * @example SAMR
             */
            stepId: string;
            /** @description Working minutes left before the time limit of an open step, counted on the case's working calendar (office hours of working days), not clock time */
            workingMinutesLeft?: number;
        };
        ClerkDto: {
            /** @example 李税务 */
            name: string;
            /** @example clerk-tax */
            username: string;
        };
        ClerkListDto: {
            items: components["schemas"]["ClerkDto"][];
        };
        CompanyAddressDto: {
            /** @example 乾州街道世纪大道88号 */
            detail: string;
            /**
             * @description Administrative division code (6, 9 or 12 digits)
             * @example 433101
             */
            divisionCode: string;
        };
        CompanyDto: {
            address: components["schemas"]["CompanyAddressDto"];
            /**
             * @example [
             *       "软件开发"
             *     ]
             */
            businessScope: string[];
            /** @enum {string} */
            entityType: "LIMITED_LIABILITY" | "JOINT_STOCK" | "SOLE_PROPRIETORSHIP" | "PARTNERSHIP";
            /** @example 吉首市湘土网络科技有限公司 */
            name: string;
            /** @example 1000000.00 */
            registeredCapital: string;
        };
        ComplaintCreateDto: {
            /** @description What could not get done (办不好件) */
            text: string;
        };
        ComplaintDto: {
            caseId: string;
            id: string;
            openedAt: string;
            raisedBy?: string;
            resolution?: string;
            resolvedAt?: string;
            resolvedBy?: string;
            /** @enum {string} */
            status: "OPEN" | "RESOLVED";
            text: string;
        };
        ComplaintListDto: {
            items: components["schemas"]["ComplaintDto"][];
            total: number;
        };
        ComplaintResolveDto: {
            /** @description What was done about it; the applicant sees it */
            resolution: string;
        };
        ConnectorCallbackDto: {
            /** @enum {string} */
            decision: "COMPLETE" | "RETURN" | "REJECT";
            /** @description RETURN: the fields to correct (paths the step reads) and why */
            items?: components["schemas"]["TaskReturnItemDto"][];
            /** @description COMPLETE: what the department issued, as its clerk would type it (the step's outputs) */
            outputs?: {
                [key: string]: string;
            };
            /** @description REJECT: why */
            reason?: string;
            /**
             * @description The task id the worker sent (also its Idempotency-Key)
             * @example 6f1c…-….TAX.1
             */
            taskId: string;
        };
        ConnectorCallbackResponseDto: {
            /** @description True when this callback repeated a decision already taken (nothing was decided again) */
            duplicate: boolean;
            /**
             * @description The task's status after the decision
             * @enum {string}
             */
            status: "DONE" | "RETURNED" | "REJECTED";
            taskId: string;
        };
        CorrectedFieldDto: {
            /** @description The value now, in words */
            after: components["schemas"]["LocalizedNameDto"];
            /** @description The value before the correction, in words */
            before: components["schemas"]["LocalizedNameDto"];
            label: components["schemas"]["LocalizedNameDto"];
            /** @example tax.taxpayerType */
            path: string;
            section?: components["schemas"]["LocalizedNameDto"];
        };
        CorrectionCreateDto: {
            /**
             * @description Field path → new value, for the fields named in the correction notice (or inside them)
             * @example {
             *       "legalRepresentative.idNumber": "433101199001011234"
             *     }
             */
            changes: {
                [key: string]: unknown;
            };
        };
        CorrectionItemDto: {
            /** @example SAMR */
            department: string;
            /** @example legalRepresentative.idNumber */
            field: string;
            reason: string;
        };
        CorrectionNoticeDto: {
            items: components["schemas"]["CorrectionItemDto"][];
            round: number;
        };
        DeliveryDto: {
            /** @description Postal address, for FREE_MAIL */
            address?: string;
            /** @enum {string} */
            method: "WINDOW_PICKUP" | "FREE_MAIL";
        };
        DocumentVerifyResponseDto: {
            code: string;
            departments?: components["schemas"]["LocalizedNameDto"][];
            enterpriseName?: string | null;
            /**
             * @description Why INVALID
             * @enum {string}
             */
            invalidReason?: "UNKNOWN_KEY" | "SIGNATURE_INVALID" | "CONTENT_HASH_MISMATCH" | "CONTENT_UNREADABLE";
            issuedAt?: string;
            /** @description The id of the key that signed it (retired keys still verify) */
            keyId: string;
            /** @enum {string} */
            kind?: "OUTCOME" | "CORRECTION_NOTICE";
            process?: components["schemas"]["LocalizedNameDto"];
            /**
             * @description VALID; SUPERSEDED (a later document replaces it); REVOKED (e.g. the enterprise was deregistered); INVALID (the stored content or signature does not check: do not rely on it)
             * @enum {string}
             */
            status: "VALID" | "SUPERSEDED" | "REVOKED" | "INVALID";
            statusChangedAt?: string;
            statusReason?: string;
            /** @description The code of the document that replaces this one */
            supersededBy?: string;
            title?: components["schemas"]["LocalizedNameDto"];
        };
        EarlierResultDto: {
            /** Format: date-time */
            decidedAt?: string;
            departmentName: components["schemas"]["LocalizedNameDto"];
            fields: components["schemas"]["LabelledFieldDto"][];
            /** @example SAMR */
            stepId: string;
            stepName: components["schemas"]["LocalizedNameDto"];
        };
        EmployeeDto: {
            /** @description Resident ID number */
            idNumber: string;
            name: string;
            /**
             * @description YYYY-MM-DD
             * @example 2026-03-02
             */
            startDate: string;
        };
        EnterpriseAddressDto: {
            detail: string;
            divisionCode: string;
        };
        EnterpriseBankAccountDto: {
            accountNumber: string;
            bankCode: string;
            bankName: string;
            branch: string;
        };
        EnterpriseHistoryItemDto: {
            /**
             * Format: date-time
             * @description When its completion changed the register (null: in flight, refused or cancelled)
             */
            appliedAt: string | null;
            /** Format: uuid */
            caseId: string;
            /** @description What a change changed (name, address, legalRepresentative, capital, businessScope) */
            changed: string[];
            /** Format: date-time */
            endedAt: string | null;
            processKey: string;
            processVersion: number;
            /** @enum {string} */
            role: "OPENING" | "CHANGE" | "DEREGISTER";
            /** @description The case's status */
            status: string;
            /** Format: date-time */
            submittedAt: string;
        };
        EnterpriseListResponseDto: {
            items: components["schemas"]["EnterpriseSummaryDto"][];
        };
        EnterpriseRepresentativeDto: {
            /** @description Masked (110101********1234) */
            idNumber: string;
            /** @description Masked */
            mobile: string;
            name: string;
        };
        EnterpriseResponseDto: {
            address: components["schemas"]["EnterpriseAddressDto"];
            /** @description Absent when the register has no account */
            bankAccount?: components["schemas"]["EnterpriseBankAccountDto"];
            businessScope: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deregisteredAt: string | null;
            entityType: string;
            /** @description Its cases, oldest first */
            history: components["schemas"]["EnterpriseHistoryItemDto"][];
            /** Format: uuid */
            id: string;
            legalRepresentative: components["schemas"]["EnterpriseRepresentativeDto"];
            licenceEdition: number;
            licenceNumber: string | null;
            /**
             * Format: uuid
             * @description The change or deregistration in flight
             */
            lifecycleCaseId: string | null;
            name: string;
            registeredCapital: string;
            seals: components["schemas"]["EnterpriseSealDto"][];
            shareholders: components["schemas"]["EnterpriseShareholderDto"][];
            socialInsuranceNumber: string | null;
            /** @enum {string} */
            status: "ACTIVE" | "CHANGING" | "DEREGISTERING" | "DEREGISTERED";
            taxpayerId: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description Unified social credit code: never changes */
            uscc: string;
        };
        EnterpriseSealDto: {
            /** @description The PSB filing code (印章备案码) */
            code: string;
            kind: string;
        };
        EnterpriseShareholderDto: {
            /** @description Masked */
            idNumber?: string;
            /** @enum {string} */
            kind: "PERSON" | "ENTITY";
            name: string;
            subscribedCapital: string;
            uscc?: string;
        };
        EnterpriseSummaryDto: {
            /** Format: uuid */
            id: string;
            legalRepresentativeName: string;
            licenceEdition: number;
            name: string;
            /** @enum {string} */
            status: "ACTIVE" | "CHANGING" | "DEREGISTERING" | "DEREGISTERED";
            uscc: string;
        };
        ErrorResponse: {
            /**
             * @description Which error exactly: stable, for clients to branch on (each operation lists the codes of each status)
             * @enum {string}
             */
            code: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "IDEMPOTENCY_KEY_REUSED" | "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "INTERNAL" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_DEFINITION_INVALID" | "PROCESS_VERSION_EXISTS" | "DOCUMENTS_UNAVAILABLE" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_FOUND" | "ENTERPRISE_NOT_REPRESENTATIVE" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "SIGNATURE_INVALID" | "CONFIRMATION_CODE_WRONG" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "CONFIRMATION_RESEND_TOO_SOON" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED" | "SMS_UNAVAILABLE";
            /** @description For 503 from /health: the state of each dependency */
            details?: Record<string, never>;
            /** @description The general kind, e.g. VALIDATION_FAILED, CONFLICT, NOT_FOUND, RATE_LIMITED */
            error: string;
            /** @description For 400: every failing field path with its messages */
            fields?: {
                /** @description One per message: the rule's code (e.g. NAME_TAKEN) or the validator's name (e.g. maxLength) */
                codes?: string[];
                messages: string[];
                path: string;
            }[];
            message: string;
            /** @description For PROCESS_DEFINITION_INVALID: every rule the uploaded definition breaks, at its JSON path ($.steps[2].dependsOn[0]) */
            problems?: {
                code: string;
                message: string;
                path: string;
            }[];
            statusCode: number;
        };
        FeeItemDto: {
            /** @example 240.00 */
            amount: string;
            /** @example SEAL_OFFICIAL */
            code: string;
            description: string;
            descriptionZh?: string;
            /** @enum {string} */
            payer: "GOVERNMENT" | "STATUTORY_FREE" | "BANK_WAIVED";
        };
        FeesDto: {
            /**
             * @description What the applicant pays: always 0.00
             * @example 0.00
             */
            applicantTotal: string;
            /**
             * @description What government, statute and the bank bear
             * @example 1060.00
             */
            borneByOthers: string;
            items: components["schemas"]["FeeItemDto"][];
        };
        HealthDependencyDto: {
            /** @description Why it is down */
            message?: string;
            /** @enum {string} */
            status: "up" | "down";
        };
        HealthLiveResponseDto: {
            /** @enum {string} */
            status: "ok";
        };
        HealthReadyResponseDto: {
            database: components["schemas"]["HealthDependencyDto"];
            /** @description true from SIGTERM on: the process finishes what it has and stops */
            draining: boolean;
            /** @enum {string} */
            status: "ok" | "error";
            temporal: components["schemas"]["HealthDependencyDto"];
        };
        InboxTaskDto: {
            /**
             * @description The applicant's name, all but its first character masked (the task page shows what the step reads)
             * @example 赵*
             */
            applicantName?: string;
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            claimedAt?: string;
            /** @description Username of the clerk who claimed it */
            claimedBy?: string;
            /**
             * @description The department whose clerks decide it
             * @example SAMR
             */
            department: string;
            /** Format: date-time */
            dueAt: string;
            /** @description The enterprise name applied for (public once registered); null for a process whose form names no enterprise */
            enterpriseName: string | null;
            /** @example 7c0e…-….SAMR.1 */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /** @description Open or claimed and past its time limit */
            overdue: boolean;
            /** @description Which opening of the step (1 = first; more after corrections) */
            round: number;
            /** @enum {string} */
            status: "PENDING" | "OPEN" | "CLAIMED" | "RETURNED" | "DONE" | "REJECTED" | "CANCELLED" | "SKIPPED";
            /**
             * @description The step of the case's definition (the opening's step ids are its department codes)
             * @example SAMR
             */
            stepId: string;
            /** @description Working minutes until the time limit by the case's calendar; negative once past it */
            workingMinutesLeft: number;
        };
        JurisdictionResponseDto: {
            /**
             * @description Division code of the registration authority (JURISDICTION_DIVISION_CODE); a registered address must be inside it
             * @example 433101
             */
            divisionCode: string;
            /**
             * @description Its name (JURISDICTION_NAME); also accepted as the division part of an enterprise name
             * @example 吉首市
             */
            name: string;
        };
        LabelledFieldDto: {
            /** @description Its label within that part */
            label: components["schemas"]["LocalizedNameDto"];
            /**
             * @description The form path (or output key): for keying, not for showing
             * @example restaurant.seats
             */
            path: string;
            /** @description The top-level part of the form it lies in */
            section?: components["schemas"]["LocalizedNameDto"];
            /** @description Its value in words */
            value: components["schemas"]["LocalizedNameDto"];
        };
        LegalRepresentativeDto: {
            /** @description Resident ID number (18 characters) */
            idNumber: string;
            /**
             * @description Mainland mobile number
             * @example 13800001111
             */
            mobile: string;
            /** @example 张三 */
            name: string;
        };
        LocalizedNameDto: {
            en: string;
            zh: string;
        };
        MetricsCasesDto: {
            byStatus?: {
                AWAITING_CORRECTION: number;
                CANCELLED: number;
                COMPLETED: number;
                IN_PROGRESS: number;
                REJECTED: number;
                SUBMITTED: number;
            };
            submitted: number;
        };
        MetricsComplaintsDto: {
            opened: number;
            resolved: number;
        };
        MetricsCorrectionsDto: {
            perCase: number | null;
            total: number;
        };
        MetricsCostsDto: {
            /** @example 0.00 */
            applicantPaid: string;
            /** @example 1060.00 */
            borneByOthers: string;
            byPayer?: {
                BANK_WAIVED: string;
                GOVERNMENT: string;
                STATUTORY_FREE: string;
            };
        };
        MetricsDayDto: {
            completed: number;
            /** Format: date */
            date: string;
            submitted: number;
        };
        MetricsDepartmentDto: {
            decided: number;
            shareWithinLimit: number | null;
            withinLimit: number;
        };
        MetricsHoursDto: {
            count: number;
            median: number | null;
            p90: number | null;
        };
        MetricsReportDto: {
            cases: components["schemas"]["MetricsCasesDto"];
            complaints: components["schemas"]["MetricsComplaintsDto"];
            corrections: components["schemas"]["MetricsCorrectionsDto"];
            costs: components["schemas"]["MetricsCostsDto"];
            /** @description By department: SAMR, PSB, TAX, HRSS, BANK */
            departments: {
                [key: string]: components["schemas"]["MetricsDepartmentDto"];
            };
            endToEndWorkingHours: components["schemas"]["MetricsHoursDto"];
            enterprisesOpened: number;
            /** Format: date */
            from: string;
            perDay: components["schemas"]["MetricsDayDto"][];
            /** Format: date */
            to: string;
            trips: components["schemas"]["MetricsTripsDto"];
        };
        MetricsTripsDto: {
            /** @description Cases by trips the applicant made */
            byTrips: {
                [key: string]: number;
            };
            perCase: number | null;
            total: number;
        };
        NotificationContactDto: {
            /**
             * @description Where e-mail notifications go, masked (absent: no e-mail is sent)
             * @example z********@example.com
             */
            email?: string;
            /** @enum {string} */
            locale: "zh" | "en";
        };
        NotificationContactUpdateDto: {
            /**
             * Format: email
             * @description null: no e-mail notifications
             */
            email?: string | null;
            /** @enum {string} */
            locale: "zh" | "en";
        };
        NotificationDeliveryDto: {
            attempts: number;
            /** Format: uuid */
            caseId: string;
            /** @enum {string} */
            channel: "IN_APP" | "EMAIL" | "SMS";
            /** Format: date-time */
            createdAt: string;
            /** @example 7 */
            id: string;
            kind: string;
            /** @description The last failure, personal data masked */
            lastError?: string;
            /** Format: date-time */
            nextAttemptAt: string;
            /** @example 42 */
            notificationId: string;
            /** @enum {string} */
            status: "PENDING" | "SENDING" | "SENT" | "SKIPPED" | "DEAD";
            /** Format: date-time */
            updatedAt: string;
        };
        NotificationDeliveryListDto: {
            items: components["schemas"]["NotificationDeliveryDto"][];
            total: number;
        };
        NotificationDto: {
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The enterprise name applied for; null for a process whose form names no enterprise
             * @example 吉首市星火科技有限公司
             */
            enterpriseName: string | null;
            /** @example 42 */
            id: string;
            /**
             * @description SUBMITTED, CORRECTION_NEEDED, COMPLETED, REJECTED, CANCELLED, COMPLAINT_RESOLVED, …
             * @example CORRECTION_NEEDED
             */
            kind: string;
            /** @description Codes and ids only (round, uscc, reason, complaintId) */
            payload: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When the applicant marked it read; absent while unread
             */
            readAt?: string;
        };
        NotificationListDto: {
            items: components["schemas"]["NotificationDto"][];
            total: number;
            /** @description Notices not marked read */
            unreadCount: number;
        };
        ObjectionCreateDto: {
            /** @description Chosen by the client once per objection: a retried request with the same key is the same objection */
            clientKey: string;
            /** @description Why the enterprise should not be deregistered this way (e.g. an unpaid claim); the SAMR clerk reads it */
            reason: string;
        };
        ObjectionDto: {
            /** Format: uuid */
            caseId: string;
            /** Format: uuid */
            id: string;
            /** @description The notice objected to */
            noticeStepId: string;
            raisedAt: string;
            reason: string;
            /** @description The SAMR clerk's task that rules on it */
            taskId: string;
        };
        ObjectionListDto: {
            items: components["schemas"]["ObjectionDto"][];
        };
        PayloadJsonDto: {
            /** Format: byte */
            data?: string;
            /**
             * @example {
             *       "encoding": "YmluYXJ5L2VuY3J5cHRlZA=="
             *     }
             */
            metadata?: {
                [key: string]: string;
            };
        };
        PayloadsDecodeDto: {
            payloads: components["schemas"]["PayloadJsonDto"][];
        };
        PendingActivityDto: {
            activityId: string;
            activityType: string;
            attempt: number;
            department?: string;
            lastAttemptCompletedAt?: string;
            lastFailure?: string;
            nextAttemptAt?: string;
            state: string;
        };
        PingCreateDto: {
            /** @example hello */
            message: string;
        };
        PingResponseDto: {
            message: string;
            /** @description When the worker wrote the row */
            recordedAt: string;
            workflowId: string;
        };
        PreviousReturnDto: {
            /** @description Which department asked */
            departmentName: components["schemas"]["LocalizedNameDto"];
            /** @example tax.taxpayerType */
            field: string;
            label?: components["schemas"]["LocalizedNameDto"];
            /** @description The clerk's reason (ID numbers and mobiles masked unless this department wrote it) */
            reason: string;
        };
        PreviousRoundDto: {
            /** @description Only the fields this step reads */
            corrected: components["schemas"]["CorrectedFieldDto"][];
            /**
             * Format: date-time
             * @description When the correction was applied
             */
            correctedAt: string;
            returns: components["schemas"]["PreviousReturnDto"][];
        };
        ProcessApplicationCreateDto: {
            /** @description The combined form, as the definition's form schema describes it */
            form: {
                [key: string]: unknown;
            };
            /**
             * @description WINDOW only: the username of the applicant this case is filed for (帮代办)
             * @example zhang-san
             */
            onBehalfOf?: string;
        };
        ProcessCatalogDto: {
            items: components["schemas"]["ProcessDefinitionViewDto"][];
        };
        ProcessDefinitionViewDto: {
            /** @description sha256 (hex) of the canonical JSON of the definition */
            checksum: string;
            /** @description The definition document, as in GET /api/processes/definition-schema */
            definition: {
                [key: string]: unknown;
            };
            /** @example enterprise-opening */
            key: string;
            /** @enum {string} */
            status: "DRAFT" | "ACTIVE" | "RETIRED";
            version: number;
        };
        ProcessVersionListDto: {
            /** @description Every stored version, by key then version */
            items: components["schemas"]["ProcessVersionSummaryDto"][];
        };
        ProcessVersionSummaryDto: {
            /** Format: date-time */
            activatedAt?: string;
            checksum: string;
            /** Format: date-time */
            createdAt: string;
            key: string;
            name: components["schemas"]["LocalizedNameDto"];
            /** Format: date-time */
            retiredAt?: string;
            /** @enum {string} */
            status: "DRAFT" | "ACTIVE" | "RETIRED";
            version: number;
        };
        PublicNoticeDto: {
            /** Format: uuid */
            caseId: string;
            /** @description Objections are taken until then */
            endsAt: string;
            enterpriseName: string;
            /** @description The process, e.g. enterprise-deregistration */
            processKey: string;
            startsAt: string;
            /** @description The notice step's id in the case's definition (e.g. PUBLIC_NOTICE, CREDITOR_NOTICE) */
            stepId: string;
            /** @description Unified social credit code */
            uscc: string;
        };
        PublicNoticeListDto: {
            items: components["schemas"]["PublicNoticeDto"][];
        };
        ReturnFieldDto: {
            label: components["schemas"]["LocalizedNameDto"];
            /** @example restaurant.seats */
            path: string;
        };
        ReturnItemResponseDto: {
            field: string;
            /** @description The field's label from the definition's form schema */
            label?: components["schemas"]["LocalizedNameDto"];
            reason: string;
        };
        RuleFlagDto: {
            /** @example USCC_CHECK_FAILED */
            code: string;
            message: string;
            /** @example shareholders[1].uscc */
            path: string;
        };
        SealOutcomeDto: {
            code: string;
            kind: string;
        };
        SealsDto: {
            kinds: ("OFFICIAL" | "FINANCE" | "INVOICE" | "LEGAL_REPRESENTATIVE")[];
        };
        ShareholderDto: {
            /** @description Resident ID number, for a PERSON */
            idNumber?: string;
            /** @enum {string} */
            kind: "PERSON" | "ENTITY";
            name: string;
            /** @example 600000.00 */
            subscribedCapital: string;
            /** @description Unified social credit code, for an ENTITY */
            uscc?: string;
        };
        SignOutResponseDto: {
            /**
             * @description Always true: the refresh token no longer works, whatever it was
             * @enum {boolean}
             */
            signedOut: true;
        };
        SocialInsuranceDto: {
            employees: components["schemas"]["EmployeeDto"][];
        };
        StuckCaseDto: {
            caseId: string;
            /** @description The enterprise name applied for (public information); null for a process whose form names no enterprise */
            enterpriseName: string | null;
            /** @description Minutes since then */
            lateMinutes: number;
            /** @description Each reason with its facts and a one-line summary */
            reasons: components["schemas"]["StuckReasonDto"][];
            status: string;
            /** @description When the earliest reason began */
            stuckSince: string;
            submittedAt: string;
        };
        StuckCaseListDto: {
            items: components["schemas"]["StuckCaseDto"][];
            /** @description How many cases match, counted up to 1,000: when more match, 1000 and totalCapped is true */
            total: number;
            /** @description More than `total` (1,000) cases match: show "1000+". A large backlog is not counted to its end, so the page stays fast */
            totalCapped: boolean;
        };
        StuckReasonDto: {
            attempts?: number;
            claimedBy?: string;
            /** Format: uuid */
            complaintId?: string;
            /**
             * @description The department's code (any the case's definition declares)
             * @example SAMR
             */
            department?: string;
            /** @description The department's names from the case's definition */
            departmentName?: components["schemas"]["LocalizedNameDto"];
            escalated?: boolean;
            lastError?: string;
            /** @description Minutes since then, by the clock */
            minutes: number;
            /** @enum {string} */
            reason: "OVERDUE" | "AWAITING_APPLICANT" | "STEP_FAILING" | "NO_PROGRESS" | "COMPLAINT";
            /**
             * Format: date-time
             * @description When this reason began
             */
            since: string;
            /** @description One line an admin can read */
            summary: string;
            /** @description Past a time limit: minutes past it in working time */
            workingMinutesLate?: number;
        };
        TaskCompleteDto: {
            /**
             * @description What the department issued, as strings; BANK needs accountNumber (10–25 digits). Values not given are generated.
             * @example {
             *       "accountNumber": "6222020200112233445"
             *     }
             */
            outputs?: {
                [key: string]: string;
            };
        };
        TaskDecisionResponseDto: {
            /** Format: uuid */
            caseId: string;
            /** @example SAMR */
            department: string;
            id: string;
            /** @description What the department issued */
            outputs?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "PENDING" | "OPEN" | "CLAIMED" | "RETURNED" | "DONE" | "REJECTED" | "CANCELLED" | "SKIPPED";
            stepId: string;
        };
        TaskDetailResponseDto: {
            /** Format: uuid */
            caseId: string;
            /** @description Status of the whole case */
            caseStatus: string;
            /** Format: date-time */
            claimedAt?: string;
            /** @description Username of the clerk who claimed it */
            claimedBy?: string;
            /** @description The outputs a clerk may fill on completion */
            clerkFields: string[];
            /** Format: date-time */
            decidedAt?: string;
            /** @description What a clerk may decide on this step, from its kind (an objection's ruling step is not returned for correction); the others are refused */
            decisions: ("COMPLETE" | "RETURN" | "REJECT")[];
            /**
             * @description The department whose clerks decide it
             * @example SAMR
             */
            department: string;
            /** @description The department's names from the case's definition */
            departmentName: components["schemas"]["LocalizedNameDto"];
            /** Format: date-time */
            dueAt: string;
            /** @description What the steps this one depends on issued */
            earlierResults: components["schemas"]["EarlierResultDto"][];
            /** @description The enterprise name applied for; null for a process whose form names no enterprise */
            enterpriseName: string | null;
            /** @description Every field of `form`, labelled and in words, in the form's order */
            fields: components["schemas"]["LabelledFieldDto"][];
            /** @description Things to check on this part of the form */
            flags?: components["schemas"]["RuleFlagDto"][];
            /** @description This step's part of the form (its definition's reads; personal data masked unless listed unmasked) */
            form: {
                [key: string]: unknown;
            };
            /** @example 7c0e…-….SAMR.1 */
            id: string;
            /**
             * @description The step kind (its registered code)
             * @example review
             */
            kind: string;
            /** @enum {string} */
            mode: "MANUAL" | "AUTO" | "SYSTEM";
            /** Format: date-time */
            openedAt: string;
            /** @description What the step issued, labelled and in words (from its outputs schema) */
            outputFields?: components["schemas"]["LabelledFieldDto"][];
            outputs?: {
                [key: string]: unknown;
            };
            /** @description JSON Schema of what the step issues (the definition's outputs) */
            outputSchema: {
                [key: string]: unknown;
            };
            /** @description Open or claimed and past its time limit */
            overdue: boolean;
            /** @description Round 2 and later: the reasons of the round before and the corrected fields, old → new */
            previousRound?: components["schemas"]["PreviousRoundDto"];
            rejectReason?: string;
            /** @description The fields this step may send back for correction, labelled */
            returnFields: components["schemas"]["ReturnFieldDto"][];
            returnItems?: components["schemas"]["ReturnItemResponseDto"][];
            /** @description Which opening of the step (1 = first; more after corrections) */
            round: number;
            /** @enum {string} */
            status: "PENDING" | "OPEN" | "CLAIMED" | "RETURNED" | "DONE" | "REJECTED" | "CANCELLED" | "SKIPPED";
            /**
             * @description The step of the case's definition (the opening's step ids are its department codes)
             * @example SAMR
             */
            stepId: string;
            stepName: components["schemas"]["LocalizedNameDto"];
            /** @description Working minutes until the time limit by the case's calendar; negative once past it */
            workingMinutesLeft: number;
        };
        TaskListResponseDto: {
            items: components["schemas"]["InboxTaskDto"][];
            /** @description How many tasks match, counted up to 1,000: when more match, 1000 and totalCapped is true */
            total: number;
            /** @description More than `total` (1,000) tasks match: show "1000+". A large backlog is not counted to its end, so the page stays fast */
            totalCapped: boolean;
        };
        TaskRejectDto: {
            reason: string;
        };
        TaskReturnDto: {
            items: components["schemas"]["TaskReturnItemDto"][];
        };
        TaskReturnItemDto: {
            /** @example legalRepresentative.idNumber */
            field: string;
            /** @example The ID number does not match the ID card */
            reason: string;
        };
        TaskSummaryDto: {
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            claimedAt?: string;
            /** @description Username of the clerk who claimed it */
            claimedBy?: string;
            /**
             * @description The department whose clerks decide it
             * @example SAMR
             */
            department: string;
            /** Format: date-time */
            dueAt: string;
            /** @example 7c0e…-….SAMR.1 */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /** @description Open or claimed and past its time limit */
            overdue: boolean;
            /** @description Which opening of the step (1 = first; more after corrections) */
            round: number;
            /** @enum {string} */
            status: "PENDING" | "OPEN" | "CLAIMED" | "RETURNED" | "DONE" | "REJECTED" | "CANCELLED" | "SKIPPED";
            /**
             * @description The step of the case's definition (the opening's step ids are its department codes)
             * @example SAMR
             */
            stepId: string;
        };
        TaxDto: {
            /** @description Apply for invoices (发票申领) */
            invoices: boolean;
            /** @enum {string} */
            taxpayerType: "SMALL_SCALE" | "GENERAL";
            /** @description Issue a tax UKey */
            ukey: boolean;
        };
        TimelineEntryDto: {
            /** @description The user who acted (a username), when known */
            actor?: string;
            /** Format: date-time */
            at: string;
            /** @description CASE_CLOSED: how the case ended */
            caseStatus?: string;
            /**
             * @description DECISION: the clerk's decision
             * @enum {string}
             */
            decision?: "COMPLETE" | "RETURN" | "REJECT";
            /**
             * @description The department's code (any the case's definition declares)
             * @example SAMR
             */
            department?: string;
            /** @description The department's names from the case's definition */
            departmentName?: components["schemas"]["LocalizedNameDto"];
            /** @description Free text in the actor's words (a reason), or a failure's message */
            detail?: string;
            /**
             * Format: date-time
             * @description STEP_OPENED: the step's time limit
             */
            dueAt?: string;
            event: string;
            /** @description DECISION (RETURN): the fields sent back, labelled */
            fields?: components["schemas"]["TimelineFieldDto"][];
            /** @description STEP_OPENED: which opening of the step */
            round?: number;
            /** @enum {string} */
            source: "WORKFLOW" | "AUDIT";
            /** @description The step of the case's definition */
            stepId?: string;
            /** @description The step's names from the case's definition */
            stepName?: components["schemas"]["LocalizedNameDto"];
            /**
             * Format: date-time
             * @description WAITING: until when the case waits for a decision
             */
            waitUntil?: string;
        };
        TimelineFieldDto: {
            label?: components["schemas"]["LocalizedNameDto"];
            /** @example company.businessScope */
            path: string;
        };
        TokenCreateDto: {
            /** Format: password */
            password: string;
            /** @example clerk-samr */
            username: string;
        };
        TokenRefreshDto: {
            /** @description The refresh token from sign-in or the last refresh */
            refreshToken: string;
        };
        TokenResponseDto: {
            /** @description Bearer token (JWT, HS256), valid for 15 minutes */
            accessToken: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Use once with POST /auth/refresh for the next access and refresh token (the session lasts 12 hours from sign-in); POST /auth/sign-out ends it */
            refreshToken: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
            user: components["schemas"]["UserResponseDto"];
        };
        UserRegisterDto: {
            /**
             * Format: email
             * @description Where e-mail notifications go (optional; stored encrypted)
             */
            email?: string;
            /**
             * @description The language of e-mail notifications
             * @default zh
             * @enum {string}
             */
            locale: "zh" | "en";
            /**
             * @description Mainland mobile number
             * @example 13800001111
             */
            mobile: string;
            /** @example 张三 */
            name: string;
            /** Format: password */
            password: string;
            /** @example zhang-san */
            username: string;
        };
        UserRegisteredResponseDto: {
            /** @enum {string} */
            role: "APPLICANT";
            username: string;
        };
        UserResponseDto: {
            /**
             * @description Clerks only: a department code some process definition declares (e.g. SAMR)
             * @example SAMR
             */
            department?: string;
            /** Format: uuid */
            id: string;
            /**
             * @description The account's own name (in sign-in and refresh answers)
             * @example 王五
             */
            name?: string;
            /** @enum {string} */
            role: "APPLICANT" | "CLERK" | "WINDOW" | "ADMIN";
            username: string;
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
    AdminCasesController_list: {
        parameters: {
            query?: {
                /** @description Only reasons of this department (any code a definition declares) */
                department?: string;
                limit?: number;
                /** @description Only cases stuck for at least this many minutes */
                minAgeMinutes?: number;
                page?: number;
                /** @description Search: part of the enterprise name, the applicant's name or username, or the case id's beginning */
                q?: string;
                reason?: "OVERDUE" | "AWAITING_APPLICANT" | "STEP_FAILING" | "NO_PROGRESS" | "COMPLAINT";
                /** @description Only stuck cases, most late first */
                stuck?: boolean;
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
                    "application/json": components["schemas"]["StuckCaseListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminCasesController_detail: {
        parameters: {
            query?: {
                /** @description true: show ID numbers and mobiles (the view is audited) */
                unmask?: string;
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
                    "application/json": components["schemas"]["AdminCaseDetailDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminCasesController_act: {
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
                "application/json": components["schemas"]["AdminCaseActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminActionResultDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The action does not fit the case now (nothing open, nothing failing, case ended) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminClerksController_list: {
        parameters: {
            query: {
                /** @description A department code (any a definition declares) */
                department: string;
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
                    "application/json": components["schemas"]["ClerkListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ComplaintsController_list: {
        parameters: {
            query?: {
                /** @description Only the complaints on this case */
                caseId?: string;
                limit?: number;
                page?: number;
                status?: "OPEN" | "RESOLVED";
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
                    "application/json": components["schemas"]["ComplaintListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ComplaintsController_resolve: {
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
                "application/json": components["schemas"]["ComplaintResolveDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description Already resolved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    MetricsController_report: {
        parameters: {
            query?: {
                format?: "json" | "csv";
                /** @description First day, YYYY-MM-DD in Asia/Shanghai (default: 30 days ago) */
                from?: string;
                /** @description CSV: en gives `metric,key,value` with machine keys; zh gives 指标,项目,数值 in words, then the machine keys (for the monthly report) */
                lang?: "en" | "zh";
                /** @description Only this process's cases (its key, e.g. enterprise-change); default: every process */
                process?: string;
                /** @description Last day, inclusive (default: today) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures (JSON), or `metric,key,value` lines (CSV) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricsReportDto"];
                    "text/csv": string;
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NotificationsController_deliveries: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                /** @description Dead letters by default */
                status?: "PENDING" | "SENDING" | "SENT" | "SKIPPED" | "DEAD";
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
                    "application/json": components["schemas"]["NotificationDeliveryListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NotificationsController_retry: {
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
                    "application/json": components["schemas"]["NotificationDeliveryDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminProcessesController_list: {
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
                    "application/json": components["schemas"]["ProcessVersionListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminProcessesController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The definition document (GET /api/processes/definition-schema) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description This very document is stored already (same checksum): nothing written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessDefinitionViewDto"];
                };
            };
            /** @description Stored as a DRAFT */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessDefinitionViewDto"];
                };
            };
            /** @description PROCESS_DEFINITION_INVALID: every rule it breaks, by JSON path, in `problems` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PROCESS_VERSION_EXISTS: this key and version are stored with another body */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminProcessesController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
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
                    "application/json": components["schemas"]["ProcessDefinitionViewDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminProcessesController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
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
                    "application/json": components["schemas"]["ProcessDefinitionViewDto"];
                };
            };
            /** @description PROCESS_DEFINITION_INVALID: it no longer passes the validator (a step kind is gone) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AdminProcessesController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
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
                    "application/json": components["schemas"]["ProcessDefinitionViewDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicationRulesController_settings: {
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
                    "application/json": components["schemas"]["ApplicationRulesResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
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
                    "application/json": components["schemas"]["CaseListResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicationsController_create: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description The same key and body give back the same case; another body → 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponseDto"];
                };
            };
            /** @description Every failing field path at once */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description Too many requests from this IP address or for this user in the window */
            429: {
                headers: {
                    /** @description Seconds until the window ends */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "RATE_LIMITED" | "CONFIRMATION_RESEND_TOO_SOON";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicationsController_get: {
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
                    "application/json": components["schemas"]["CaseResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such case, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicationsController_cancel: {
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
                "application/json": components["schemas"]["CaseCancelDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The case has already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ComplaintsController_listOwn: {
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
                    "application/json": components["schemas"]["ComplaintDto"][];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ComplaintsController_raise: {
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
                "application/json": components["schemas"]["ComplaintCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such case, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description CASE_CLOSED: the case has ended; COMPLAINT_LIMIT_REACHED: too many of your complaints on it are open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description RATE_LIMITED: too many complaints from you this hour */
            429: {
                headers: {
                    /** @description Seconds until the window ends */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "RATE_LIMITED" | "CONFIRMATION_RESEND_TOO_SOON";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicationsController_correct: {
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
                "application/json": components["schemas"]["CorrectionCreateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The case is not waiting for a correction, or the workflow refused it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
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
                "application/json": components["schemas"]["TokenRefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description The refresh token is invalid, expired or revoked (REFRESH_TOKEN_INVALID), or was used before (REFRESH_TOKEN_REUSED: its session is ended) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserRegisterDto"];
            };
        };
        responses: {
            /** @description Created if the username was free; sign in with the chosen password */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRegisteredResponseDto"];
                };
            };
            /** @description Invalid fields (VALIDATION_FAILED), or a password that is too common (PASSWORD_TOO_COMMON) or contains the username (PASSWORD_CONTAINS_USERNAME) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description Too many requests from this IP address or for this user in the window */
            429: {
                headers: {
                    /** @description Seconds until the window ends */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "RATE_LIMITED" | "CONFIRMATION_RESEND_TOO_SOON";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AuthController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRefreshDto"];
            };
        };
        responses: {
            /** @description Signed out (the same answer for an unknown or already revoked token) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignOutResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    AuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description Wrong username or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description Too many requests from this IP address or for this user in the window */
            429: {
                headers: {
                    /** @description Seconds until the window ends */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "RATE_LIMITED" | "CONFIRMATION_RESEND_TOO_SOON";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    DocumentsController_correction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                round: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF; X-Document-Code names the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such case, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description DOCUMENT_NOT_READY: no correction notice of that round */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    DocumentsController_list: {
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
                    "application/json": components["schemas"]["CaseDocumentDto"][];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such case, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    DocumentsController_outcome: {
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
            /** @description The PDF; X-Document-Code names the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such case, or not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description DOCUMENT_NOT_READY: the case is not completed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ConnectorsController_callback: {
        parameters: {
            query?: never;
            header: {
                /** @description Hex SHA-256 of the body's bytes */
                "x-onetrip-content-sha256": string;
                /** @description 16-128 characters [A-Za-z0-9_-], never reused */
                "x-onetrip-nonce": string;
                /** @description v1=<hex HMAC-SHA256 of the canonical request> */
                "x-onetrip-signature": string;
                /** @description Unix seconds; refused outside ±5 minutes */
                "x-onetrip-timestamp": string;
            };
            path: {
                department: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectorCallbackDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorCallbackResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description SIGNATURE_INVALID: unsigned, forged, stale or replayed (nothing changed) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description No such task for this department system */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description TASK_NOT_OPEN, CASE_CLOSED: the task was decided otherwise, superseded or cancelled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    EnterprisesController_list: {
        parameters: {
            query?: {
                /** @description Unified social credit code (18 characters) */
                uscc?: string;
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
                    "application/json": components["schemas"]["EnterpriseListResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    EnterprisesController_get: {
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
                    "application/json": components["schemas"]["EnterpriseResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such enterprise, or (for an applicant) not one they represent */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
    HealthController_live: {
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
                    "application/json": components["schemas"]["HealthLiveResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    HealthController_ready: {
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
                    "application/json": components["schemas"]["HealthReadyResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description Not ready: a dependency is down, or the process is draining */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReadyResponseDto"];
                };
            };
        };
    };
    NoticesController_list: {
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
                    "application/json": components["schemas"]["PublicNoticeListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NoticesController_raise: {
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
                "application/json": components["schemas"]["ObjectionCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description No such case */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description NOTICE_NOT_OPEN: not in a notice period taking objections; IDEMPOTENCY_KEY_REUSED: the key names another objection */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
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
                    "application/json": components["schemas"]["NotificationListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NotificationsController_markRead: {
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
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such notice, or not mine */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NotificationsController_contact: {
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
                    "application/json": components["schemas"]["NotificationContactDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NotificationsController_setContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationContactUpdateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationContactDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    PingsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PingCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ProcessesController_catalog: {
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
                    "application/json": components["schemas"]["ProcessCatalogDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ProcessApplicationsController_create: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description The same key and body give back the same case; another body → 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProcessApplicationCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponseDto"];
                };
            };
            /** @description Every failing field path at once, under form. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No active version of the process */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description Too many requests from this IP address or for this user in the window */
            429: {
                headers: {
                    /** @description Seconds until the window ends */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "RATE_LIMITED" | "CONFIRMATION_RESEND_TOO_SOON";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ProcessesController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
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
                    "application/json": components["schemas"]["ProcessDefinitionViewDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No such thing, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ProcessesController_definitionSchema: {
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
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                limit?: number;
                page?: number;
                /** @description Part of the enterprise name, or the beginning of the case id */
                q?: string;
                /** @description due: soonest time limit first; arrived: newest first; enterprise: by name */
                sort?: "due" | "arrived" | "enterprise";
                status?: "OPEN" | "CLAIMED" | "DONE" | "RETURNED";
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
                    "application/json": components["schemas"]["TaskListResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Not a clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    TasksController_get: {
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
                    "application/json": components["schemas"]["TaskDetailResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Not a clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such task, or another department’s (not revealed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    TasksController_claim: {
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
                    "application/json": components["schemas"]["TaskSummaryDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Not a clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such task, or another department’s (not revealed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description Claimed by another clerk, or no longer open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    TasksController_complete: {
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
                "application/json": components["schemas"]["TaskCompleteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDecisionResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Not a clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such task, or another department’s (not revealed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description Claimed by another clerk, already decided, or refused by the workflow */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    NoticesController_objections: {
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
                    "application/json": components["schemas"]["ObjectionListDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    TasksController_reject: {
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
                "application/json": components["schemas"]["TaskRejectDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDecisionResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Not a clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such task, or another department’s (not revealed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description Claimed by another clerk, already decided, or refused by the workflow */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    TasksController_returnForCorrection: {
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
                "application/json": components["schemas"]["TaskReturnDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDecisionResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Not a clerk */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No such task, or another department’s (not revealed) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description Claimed by another clerk, already decided, or refused by the workflow */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    TemporalCodecController_decode: {
        parameters: {
            query?: never;
            header: {
                /** @description The Temporal namespace of the payloads (the CLI and Web UI send it); kept in the audit log */
                "x-namespace": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayloadsDecodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadsDecodeDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    VerifyController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The code printed on the document and in its QR code */
                code: string;
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
                    "application/json": components["schemas"]["DocumentVerifyResponseDto"];
                };
            };
            /** @description Invalid input: malformed JSON, an unknown or invalid field (each named in `fields`), or a bad query or id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No document has this code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicantsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicantCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantCreatedResponseDto"];
                };
            };
            /** @description Invalid fields (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description The text message could not be sent (SMS_UNAVAILABLE), or PostgreSQL is unavailable: what was written stays; the same request again sends the code */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicantsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicantCodeSendDto"];
            };
        };
        responses: {
            /** @description The account, PENDING, with the new code’s expiry and when the next may be sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantResponseDto"];
                };
            };
            /** @description Invalid fields (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No applicant account has this username */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The account is confirmed already (ACCOUNT_ALREADY_CONFIRMED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description A code went less than a minute ago (CONFIRMATION_RESEND_TOO_SOON, details.retryAfterSeconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "RATE_LIMITED" | "CONFIRMATION_RESEND_TOO_SOON";
                    };
                };
            };
            /** @description The text message could not be sent (SMS_UNAVAILABLE), or PostgreSQL is unavailable: what was written stays; the same request again sends the code */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicantsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicantConfirmDto"];
            };
        };
        responses: {
            /** @description The account, ACTIVE: the window may file for it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantResponseDto"];
                };
            };
            /** @description Invalid fields (VALIDATION_FAILED), or the code is wrong (CONFIRMATION_CODE_WRONG at field `code`, details.attemptsLeft) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description No applicant account has this username */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "NOT_FOUND" | "ENTERPRISE_NOT_FOUND";
                    };
                };
            };
            /** @description The code has expired (CONFIRMATION_CODE_EXPIRED), was spent by too many wrong tries (CONFIRMATION_ATTEMPTS_EXHAUSTED), or the account is confirmed already with another code (ACCOUNT_ALREADY_CONFIRMED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "CONFLICT" | "IDEMPOTENCY_KEY_REUSED" | "NAME_TAKEN" | "TASK_NOT_OPEN" | "ALREADY_CLAIMED" | "NOT_AWAITING_CORRECTION" | "CASE_CLOSED" | "INVALID_DECISION" | "NO_OPEN_TASK" | "NOT_AWAITING_APPLICANT" | "NO_STEP_IN_FLIGHT" | "STEP_ATTEMPT_RUNNING" | "COMPLAINT_RESOLVED" | "UPDATE_REFUSED" | "ILLEGAL_STEP_TRANSITION" | "APPLICANT_CHARGE" | "LICENCE_REQUIRED" | "ENTERPRISE_SEQUENCE_REQUIRED" | "COMPLAINT_LIMIT_REACHED" | "PROCESS_VERSION_EXISTS" | "DOCUMENT_NOT_READY" | "ENTERPRISE_NOT_ACTIVE" | "ENTERPRISE_CASE_IN_FLIGHT" | "NOTICE_NOT_OPEN" | "CONFIRMATION_CODE_EXPIRED" | "CONFIRMATION_ATTEMPTS_EXHAUSTED" | "ACCOUNT_ALREADY_CONFIRMED" | "APPLICANT_NOT_CONFIRMED";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
    ApplicantsController_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicantLookupDto"];
            };
        };
        responses: {
            /** @description The matching accounts, mobiles masked; empty when none */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantResponseDto"][];
                };
            };
            /** @description Invalid fields (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "VALIDATION_FAILED" | "BODY_UNREADABLE" | "INVALID_ARGUMENT" | "CORRECTION_PATH" | "MONEY_FORMAT" | "CALENDAR_CONFIG" | "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_USERNAME" | "PAYLOAD_NOT_ENCRYPTED" | "BODY_TOO_DEEP" | "PROCESS_DEFINITION_INVALID" | "CONFIRMATION_CODE_WRONG";
                    };
                };
            };
            /** @description No bearer token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "UNAUTHENTICATED" | "REFRESH_TOKEN_INVALID" | "REFRESH_TOKEN_REUSED" | "SIGNATURE_INVALID";
                    };
                };
            };
            /** @description Signed in, but this role may not call it (or the origin may not, for a CORS preflight) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "FORBIDDEN" | "ENTERPRISE_NOT_REPRESENTATIVE";
                    };
                };
            };
            /** @description The body is larger than HTTP_BODY_LIMIT_KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description PostgreSQL or Temporal is unavailable (DATABASE_UNAVAILABLE, WORKFLOW_UNAVAILABLE): nothing was done; try again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"] & {
                        /** @enum {string} */
                        code?: "WORKFLOW_UNAVAILABLE" | "DATABASE_UNAVAILABLE" | "DOCUMENTS_UNAVAILABLE" | "SMS_UNAVAILABLE";
                    };
                };
            };
        };
    };
}
