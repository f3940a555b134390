export namespace apitoken {
	
	export class Created {
	    id: string;
	    name: string;
	    hint: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    lastUsedAt?: any;
	    // Go type: time
	    revokedAt?: any;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Created(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.hint = source["hint"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.lastUsedAt = this.convertValues(source["lastUsedAt"], null);
	        this.revokedAt = this.convertValues(source["revokedAt"], null);
	        this.value = source["value"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Token {
	    id: string;
	    name: string;
	    hint: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    lastUsedAt?: any;
	    // Go type: time
	    revokedAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new Token(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.hint = source["hint"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.lastUsedAt = this.convertValues(source["lastUsedAt"], null);
	        this.revokedAt = this.convertValues(source["revokedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace apperr {
	
	export class Error {
	    code: string;
	    message: string;
	    field?: string;
	
	    static createFrom(source: any = {}) {
	        return new Error(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.field = source["field"];
	    }
	}

}

export namespace auth {
	
	export class APIKeyDefaults {
	    header_name: string;
	    preamble?: string;
	
	    static createFrom(source: any = {}) {
	        return new APIKeyDefaults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.header_name = source["header_name"];
	        this.preamble = source["preamble"];
	    }
	}
	export class Advice {
	    summary: string;
	    choose_if: string[];
	
	    static createFrom(source: any = {}) {
	        return new Advice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.summary = source["summary"];
	        this.choose_if = source["choose_if"];
	    }
	}
	export class Header {
	    name: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Header(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	    }
	}
	export class Param {
	    name: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Param(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	    }
	}
	export class OAuth2Defaults {
	    grant_type: string;
	    access_token_scheme?: string;
	    authorization_url?: string;
	    token_url: string;
	    token_expiration_key: string;
	    token_key: string;
	    token_request_content_type: string;
	    token_request_method: string;
	    scope?: string;
	    basic_auth_on_exchange: boolean;
	    refresh_token_key?: string;
	    include_client_config_on_refresh: boolean;
	    include_redirect_uri_on_refresh: boolean;
	    refresh_strategy: string;
	    custom_refresh_interval_seconds?: number;
	    refresh_buffer_seconds?: number;
	    authorization_extra_params?: Param[];
	
	    static createFrom(source: any = {}) {
	        return new OAuth2Defaults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grant_type = source["grant_type"];
	        this.access_token_scheme = source["access_token_scheme"];
	        this.authorization_url = source["authorization_url"];
	        this.token_url = source["token_url"];
	        this.token_expiration_key = source["token_expiration_key"];
	        this.token_key = source["token_key"];
	        this.token_request_content_type = source["token_request_content_type"];
	        this.token_request_method = source["token_request_method"];
	        this.scope = source["scope"];
	        this.basic_auth_on_exchange = source["basic_auth_on_exchange"];
	        this.refresh_token_key = source["refresh_token_key"];
	        this.include_client_config_on_refresh = source["include_client_config_on_refresh"];
	        this.include_redirect_uri_on_refresh = source["include_redirect_uri_on_refresh"];
	        this.refresh_strategy = source["refresh_strategy"];
	        this.custom_refresh_interval_seconds = source["custom_refresh_interval_seconds"];
	        this.refresh_buffer_seconds = source["refresh_buffer_seconds"];
	        this.authorization_extra_params = this.convertValues(source["authorization_extra_params"], Param);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Defaults {
	    api_key?: APIKeyDefaults;
	    oauth2?: OAuth2Defaults;
	    extra_headers?: Header[];
	
	    static createFrom(source: any = {}) {
	        return new Defaults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.api_key = this.convertValues(source["api_key"], APIKeyDefaults);
	        this.oauth2 = this.convertValues(source["oauth2"], OAuth2Defaults);
	        this.extra_headers = this.convertValues(source["extra_headers"], Header);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class Status {
	    method: string;
	    state: string;
	    authenticated: boolean;
	    // Go type: time
	    expiresAt?: any;
	    lastError?: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.state = source["state"];
	        this.authenticated = source["authenticated"];
	        this.expiresAt = this.convertValues(source["expiresAt"], null);
	        this.lastError = source["lastError"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace blueprint {
	
	export class Field {
	    name: string;
	    description: string;
	    mappingRequired: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.mappingRequired = source["mappingRequired"];
	    }
	}
	export class Blueprint {
	    id: string;
	    name: string;
	    description: string;
	    fields: Field[];
	    integrationId: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Blueprint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.fields = this.convertValues(source["fields"], Field);
	        this.integrationId = source["integrationId"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Input {
	    name: string;
	    description: string;
	    fields: Field[];
	    integrationId: string;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.fields = this.convertValues(source["fields"], Field);
	        this.integrationId = source["integrationId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Proposal {
	    name: string;
	    description: string;
	    fields: Field[];
	    integrationId: string;
	    source: string;
	    truncated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Proposal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.fields = this.convertValues(source["fields"], Field);
	        this.integrationId = source["integrationId"];
	        this.source = source["source"];
	        this.truncated = source["truncated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace bundle {
	
	export class Conflict {
	    id: string;
	    name: string;
	    sameId: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.sameId = source["sameId"];
	    }
	}
	export class Preview {
	    id: string;
	    name: string;
	    description: string;
	    hostname: string;
	    authMethod: string;
	    grantType?: string;
	    pagination: string;
	    status: string;
	    actions: number;
	    signedBy: string;
	    appVersion: string;
	    configurations: integration.ConfigurationStub[];
	    lint: finding.Counts;
	    conflict?: Conflict;
	    blueprints: string[];
	    ignored?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.hostname = source["hostname"];
	        this.authMethod = source["authMethod"];
	        this.grantType = source["grantType"];
	        this.pagination = source["pagination"];
	        this.status = source["status"];
	        this.actions = source["actions"];
	        this.signedBy = source["signedBy"];
	        this.appVersion = source["appVersion"];
	        this.configurations = this.convertValues(source["configurations"], integration.ConfigurationStub);
	        this.lint = this.convertValues(source["lint"], finding.Counts);
	        this.conflict = this.convertValues(source["conflict"], Conflict);
	        this.blueprints = source["blueprints"];
	        this.ignored = source["ignored"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Imported {
	    id: string;
	    name: string;
	    mode: string;
	    preview: Preview;
	
	    static createFrom(source: any = {}) {
	        return new Imported(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.mode = source["mode"];
	        this.preview = this.convertValues(source["preview"], Preview);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace configuration {
	
	export class OriginChange {
	    trustedHostname: string;
	    hostname: string;
	    trustedTokenUrl?: string;
	    tokenUrl?: string;
	
	    static createFrom(source: any = {}) {
	        return new OriginChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trustedHostname = source["trustedHostname"];
	        this.hostname = source["hostname"];
	        this.trustedTokenUrl = source["trustedTokenUrl"];
	        this.tokenUrl = source["tokenUrl"];
	    }
	}
	export class Configuration {
	    id: string;
	    integrationId: string;
	    name: string;
	    organization: string;
	    username?: string;
	    clientId?: string;
	    redirectPort?: number;
	    overrides?: Record<string, any>;
	    secretFields: string[];
	    status: auth.Status;
	    originChange?: OriginChange;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Configuration(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.integrationId = source["integrationId"];
	        this.name = source["name"];
	        this.organization = source["organization"];
	        this.username = source["username"];
	        this.clientId = source["clientId"];
	        this.redirectPort = source["redirectPort"];
	        this.overrides = source["overrides"];
	        this.secretFields = source["secretFields"];
	        this.status = this.convertValues(source["status"], auth.Status);
	        this.originChange = this.convertValues(source["originChange"], OriginChange);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConnectionResult {
	    ok: boolean;
	    status: number;
	    statusText: string;
	    url: string;
	    durationMs: number;
	    contentType: string;
	    bodyPreview: string;
	    truncated: boolean;
	    auth: auth.Status;
	
	    static createFrom(source: any = {}) {
	        return new ConnectionResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.status = source["status"];
	        this.statusText = source["statusText"];
	        this.url = source["url"];
	        this.durationMs = source["durationMs"];
	        this.contentType = source["contentType"];
	        this.bodyPreview = source["bodyPreview"];
	        this.truncated = source["truncated"];
	        this.auth = this.convertValues(source["auth"], auth.Status);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Values {
	    username?: string;
	    clientId?: string;
	    redirectPort?: number;
	    overrides?: Record<string, any>;
	
	    static createFrom(source: any = {}) {
	        return new Values(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.username = source["username"];
	        this.clientId = source["clientId"];
	        this.redirectPort = source["redirectPort"];
	        this.overrides = source["overrides"];
	    }
	}
	export class Input {
	    name: string;
	    organization: string;
	    values: Values;
	    secrets?: Record<string, string>;
	    clearSecrets?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.organization = source["organization"];
	        this.values = this.convertValues(source["values"], Values);
	        this.secrets = source["secrets"];
	        this.clearSecrets = source["clearSecrets"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace finding {
	
	export class Counts {
	    errors: number;
	    warnings: number;
	    infos: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.errors = source["errors"];
	        this.warnings = source["warnings"];
	        this.infos = source["infos"];
	    }
	}
	export class Finding {
	    ruleId: string;
	    severity: string;
	    message: string;
	    pointer: string;
	    line: number;
	    column: number;
	    fixable: boolean;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Finding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ruleId = source["ruleId"];
	        this.severity = source["severity"];
	        this.message = source["message"];
	        this.pointer = source["pointer"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.fixable = source["fixable"];
	        this.source = source["source"];
	    }
	}

}

export namespace fix {
	
	export class Change {
	    ruleId: string;
	    pointer: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ruleId = source["ruleId"];
	        this.pointer = source["pointer"];
	        this.message = source["message"];
	    }
	}
	export class Unfixed {
	    ruleId: string;
	    pointer: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Unfixed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ruleId = source["ruleId"];
	        this.pointer = source["pointer"];
	        this.message = source["message"];
	    }
	}

}

export namespace importer {
	
	export class ActionRow {
	    name: string;
	    method: string;
	    path: string;
	    operationId: string;
	    tags: string[];
	    parameters: number;
	    paginationType: string;
	    deprecated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ActionRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.method = source["method"];
	        this.path = source["path"];
	        this.operationId = source["operationId"];
	        this.tags = source["tags"];
	        this.parameters = source["parameters"];
	        this.paginationType = source["paginationType"];
	        this.deprecated = source["deprecated"];
	    }
	}
	export class FixPreview {
	    before: string;
	    after: string;
	    changes: fix.Change[];
	    unfixed: fix.Unfixed[];
	    counts: finding.Counts;
	
	    static createFrom(source: any = {}) {
	        return new FixPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.before = source["before"];
	        this.after = source["after"];
	        this.changes = this.convertValues(source["changes"], fix.Change);
	        this.unfixed = this.convertValues(source["unfixed"], fix.Unfixed);
	        this.counts = this.convertValues(source["counts"], finding.Counts);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Preview {
	    importId: string;
	    fileName: string;
	    format: string;
	    version: string;
	    converted: boolean;
	    documentVersion: string;
	    title: string;
	    findings: finding.Finding[];
	    counts: finding.Counts;
	    fixable: number;
	    actions: ActionRow[];
	    suggestions: spec.Suggestions;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.importId = source["importId"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.version = source["version"];
	        this.converted = source["converted"];
	        this.documentVersion = source["documentVersion"];
	        this.title = source["title"];
	        this.findings = this.convertValues(source["findings"], finding.Finding);
	        this.counts = this.convertValues(source["counts"], finding.Counts);
	        this.fixable = source["fixable"];
	        this.actions = this.convertValues(source["actions"], ActionRow);
	        this.suggestions = this.convertValues(source["suggestions"], spec.Suggestions);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace integration {
	
	export class Action {
	    id: string;
	    position: number;
	    name: string;
	    description: string;
	    method: string;
	    path: string;
	    parameters: any;
	    requestBody?: any;
	    responseSchema?: any;
	    tags: string[];
	    operationId: string;
	    requestContentType: string;
	    deprecated: boolean;
	    createdAt: string;
	    paginated: boolean;
	    pagination?: paginate.Config;
	
	    static createFrom(source: any = {}) {
	        return new Action(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.position = source["position"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.method = source["method"];
	        this.path = source["path"];
	        this.parameters = source["parameters"];
	        this.requestBody = source["requestBody"];
	        this.responseSchema = source["responseSchema"];
	        this.tags = source["tags"];
	        this.operationId = source["operationId"];
	        this.requestContentType = source["requestContentType"];
	        this.deprecated = source["deprecated"];
	        this.createdAt = source["createdAt"];
	        this.paginated = source["paginated"];
	        this.pagination = this.convertValues(source["pagination"], paginate.Config);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ActionPage {
	    actions: Action[];
	    total: number;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new ActionPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actions = this.convertValues(source["actions"], Action);
	        this.total = source["total"];
	        this.tags = source["tags"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ActionQuery {
	    search: string;
	    method: string;
	    tag: string;
	    paginated: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ActionQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.search = source["search"];
	        this.method = source["method"];
	        this.tag = source["tag"];
	        this.paginated = source["paginated"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class AuthForm {
	    method: string;
	    api_key?: auth.APIKeyDefaults;
	    oauth2?: auth.OAuth2Defaults;
	    extra_headers?: auth.Header[];
	
	    static createFrom(source: any = {}) {
	        return new AuthForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.api_key = this.convertValues(source["api_key"], auth.APIKeyDefaults);
	        this.oauth2 = this.convertValues(source["oauth2"], auth.OAuth2Defaults);
	        this.extra_headers = this.convertValues(source["extra_headers"], auth.Header);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AuthSuggestion {
	    auth: AuthForm;
	    schemeName: string;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new AuthSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.auth = this.convertValues(source["auth"], AuthForm);
	        this.schemeName = source["schemeName"];
	        this.evidence = source["evidence"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConfigurationStub {
	    name: string;
	    organization: string;
	    settings: number[];
	    secretsNeeded: string[];
	
	    static createFrom(source: any = {}) {
	        return new ConfigurationStub(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.organization = source["organization"];
	        this.settings = source["settings"];
	        this.secretsNeeded = source["secretsNeeded"];
	    }
	}
	export class CreateInput {
	    name: string;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new CreateInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	    }
	}
	export class EditForm {
	    name: string;
	    description: string;
	    hostname: string;
	    auth: AuthForm;
	    pagination: paginate.Config;
	
	    static createFrom(source: any = {}) {
	        return new EditForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.hostname = source["hostname"];
	        this.auth = this.convertValues(source["auth"], AuthForm);
	        this.pagination = this.convertValues(source["pagination"], paginate.Config);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Draft {
	    step: string;
	    form: EditForm;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Draft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.form = this.convertValues(source["form"], EditForm);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PaginationSuggestion {
	    pagination: paginate.Config;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new PaginationSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pagination = this.convertValues(source["pagination"], paginate.Config);
	        this.evidence = source["evidence"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HostnameSuggestion {
	    hostname: string;
	    basePath: string;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new HostnameSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hostname = source["hostname"];
	        this.basePath = source["basePath"];
	        this.evidence = source["evidence"];
	    }
	}
	export class FormSuggestions {
	    hostname?: HostnameSuggestion;
	    auth: AuthSuggestion[];
	    pagination?: PaginationSuggestion;
	
	    static createFrom(source: any = {}) {
	        return new FormSuggestions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hostname = this.convertValues(source["hostname"], HostnameSuggestion);
	        this.auth = this.convertValues(source["auth"], AuthSuggestion);
	        this.pagination = this.convertValues(source["pagination"], PaginationSuggestion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Integration {
	    id: string;
	    name: string;
	    description: string;
	    iconSvg: string;
	    hostname: string;
	    basePath: string;
	    authMethod: string;
	    authDefaults: auth.Defaults;
	    pagination: paginate.Config;
	    status: string;
	    // Go type: time
	    finalizedAt?: any;
	    actionCount: number;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Integration(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.iconSvg = source["iconSvg"];
	        this.hostname = source["hostname"];
	        this.basePath = source["basePath"];
	        this.authMethod = source["authMethod"];
	        this.authDefaults = this.convertValues(source["authDefaults"], auth.Defaults);
	        this.pagination = this.convertValues(source["pagination"], paginate.Config);
	        this.status = source["status"];
	        this.finalizedAt = this.convertValues(source["finalizedAt"], null);
	        this.actionCount = source["actionCount"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class IconUpdate {
	    integration: Integration;
	    removed: string[];
	
	    static createFrom(source: any = {}) {
	        return new IconUpdate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.integration = this.convertValues(source["integration"], Integration);
	        this.removed = source["removed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Imported {
	    integration: Integration;
	    actions: number;
	
	    static createFrom(source: any = {}) {
	        return new Imported(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.integration = this.convertValues(source["integration"], Integration);
	        this.actions = source["actions"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class OrgMappingEntry {
	    vendorOrgId: string;
	    vendorOrgName: string;
	    localOrg: string;
	
	    static createFrom(source: any = {}) {
	        return new OrgMappingEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.vendorOrgId = source["vendorOrgId"];
	        this.vendorOrgName = source["vendorOrgName"];
	        this.localOrg = source["localOrg"];
	    }
	}
	export class OrgMapping {
	    actionId: string;
	    idField: string;
	    nameField: string;
	    entries: OrgMappingEntry[];
	
	    static createFrom(source: any = {}) {
	        return new OrgMapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actionId = source["actionId"];
	        this.idField = source["idField"];
	        this.nameField = source["nameField"];
	        this.entries = this.convertValues(source["entries"], OrgMappingEntry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Rename {
	    pattern: string;
	    replacement: string;
	    target: string;
	    ignoreCase: boolean;
	    actionIds?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Rename(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pattern = source["pattern"];
	        this.replacement = source["replacement"];
	        this.target = source["target"];
	        this.ignoreCase = source["ignoreCase"];
	        this.actionIds = source["actionIds"];
	    }
	}
	export class RenameChange {
	    actionId: string;
	    field: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new RenameChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actionId = source["actionId"];
	        this.field = source["field"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Summary {
	    id: string;
	    name: string;
	    iconSvg: string;
	    status: string;
	    actionCount: number;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.iconSvg = source["iconSvg"];
	        this.status = source["status"];
	        this.actionCount = source["actionCount"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace main {
	
	export class AppInfo {
	    version: string;
	    dataDir: string;
	    logFile: string;
	
	    static createFrom(source: any = {}) {
	        return new AppInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.logFile = source["logFile"];
	    }
	}
	export class AuthChoice {
	    method: string;
	    grant_type?: string;
	    label: string;
	    advice: auth.Advice;
	
	    static createFrom(source: any = {}) {
	        return new AuthChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.grant_type = source["grant_type"];
	        this.label = source["label"];
	        this.advice = this.convertValues(source["advice"], auth.Advice);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BundleExport {
	    path: string;
	    bytes: number;
	    signed: boolean;
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BundleExport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.bytes = source["bytes"];
	        this.signed = source["signed"];
	        this.cancelled = source["cancelled"];
	    }
	}
	export class LocalAPIStatus {
	    running: boolean;
	    address?: string;
	    problem?: string;
	
	    static createFrom(source: any = {}) {
	        return new LocalAPIStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.address = source["address"];
	        this.problem = source["problem"];
	    }
	}

}

export namespace paginate {
	
	export class Config {
	    type: string;
	    results_key?: string;
	    page_size_param?: string;
	    default_page_size?: number;
	    default_page_limit?: number;
	    index_param?: string;
	    page_param?: string;
	    page_start?: number;
	    link_header_rel?: string;
	    link_header_name?: string;
	    next_page_key?: string;
	    link_location?: string;
	    after_param?: string;
	    pointer_path?: string;
	
	    static createFrom(source: any = {}) {
	        return new Config(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.results_key = source["results_key"];
	        this.page_size_param = source["page_size_param"];
	        this.default_page_size = source["default_page_size"];
	        this.default_page_limit = source["default_page_limit"];
	        this.index_param = source["index_param"];
	        this.page_param = source["page_param"];
	        this.page_start = source["page_start"];
	        this.link_header_rel = source["link_header_rel"];
	        this.link_header_name = source["link_header_name"];
	        this.next_page_key = source["next_page_key"];
	        this.link_location = source["link_location"];
	        this.after_param = source["after_param"];
	        this.pointer_path = source["pointer_path"];
	    }
	}
	export class Field {
	    name: string;
	    label: string;
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.help = source["help"];
	    }
	}
	export class PageTrace {
	    number: number;
	    url: string;
	    method: string;
	    status: number;
	    durationMs: number;
	    items: number;
	    stop?: string;
	    retries?: number;
	
	    static createFrom(source: any = {}) {
	        return new PageTrace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.url = source["url"];
	        this.method = source["method"];
	        this.status = source["status"];
	        this.durationMs = source["durationMs"];
	        this.items = source["items"];
	        this.stop = source["stop"];
	        this.retries = source["retries"];
	    }
	}
	export class TypeOption {
	    type: string;
	    label: string;
	    guidance: string;
	
	    static createFrom(source: any = {}) {
	        return new TypeOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.label = source["label"];
	        this.guidance = source["guidance"];
	    }
	}

}

export namespace playbook {
	
	export class Input {
	    name: string;
	    integrationId: string;
	    actionId: string;
	    configurationId: string;
	    params: Record<string, string>;
	    blueprints: string[];
	    mappings: Record<string, any>;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.integrationId = source["integrationId"];
	        this.actionId = source["actionId"];
	        this.configurationId = source["configurationId"];
	        this.params = source["params"];
	        this.blueprints = source["blueprints"];
	        this.mappings = source["mappings"];
	    }
	}
	export class MappedRecord {
	    item: number;
	    blueprint: string;
	    values: Record<string, any>;
	    errors?: string[];
	
	    static createFrom(source: any = {}) {
	        return new MappedRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.blueprint = source["blueprint"];
	        this.values = source["values"];
	        this.errors = source["errors"];
	    }
	}
	export class Mapping {
	    kind: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.value = source["value"];
	    }
	}
	export class Playbook {
	    id: string;
	    name: string;
	    integrationId: string;
	    actionId: string;
	    configurationId: string;
	    params: Record<string, string>;
	    blueprints: string[];
	    mappings: Record<string, any>;
	    enabled: boolean;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Playbook(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.integrationId = source["integrationId"];
	        this.actionId = source["actionId"];
	        this.configurationId = source["configurationId"];
	        this.params = source["params"];
	        this.blueprints = source["blueprints"];
	        this.mappings = source["mappings"];
	        this.enabled = source["enabled"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    id?: string;
	    // Go type: time
	    startedAt: any;
	    durationMs: number;
	    status: string;
	    message?: string;
	    items: number;
	    records: MappedRecord[];
	    errorCount: number;
	    sourceRunId: string;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.durationMs = source["durationMs"];
	        this.status = source["status"];
	        this.message = source["message"];
	        this.items = source["items"];
	        this.records = this.convertValues(source["records"], MappedRecord);
	        this.errorCount = source["errorCount"];
	        this.sourceRunId = source["sourceRunId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace runner {
	
	export class Exchange {
	    page: number;
	    attempt: number;
	    method: string;
	    url: string;
	    requestHeaders: Record<string, string>;
	    requestBody?: string;
	    status: number;
	    statusText: string;
	    responseHeaders: Record<string, string>;
	    responseBody: string;
	    bodyBytes: number;
	    truncated?: boolean;
	    durationMs: number;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new Exchange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.page = source["page"];
	        this.attempt = source["attempt"];
	        this.method = source["method"];
	        this.url = source["url"];
	        this.requestHeaders = source["requestHeaders"];
	        this.requestBody = source["requestBody"];
	        this.status = source["status"];
	        this.statusText = source["statusText"];
	        this.responseHeaders = source["responseHeaders"];
	        this.responseBody = source["responseBody"];
	        this.bodyBytes = source["bodyBytes"];
	        this.truncated = source["truncated"];
	        this.durationMs = source["durationMs"];
	        this.error = source["error"];
	    }
	}
	export class Request {
	    runId: string;
	    integrationId: string;
	    actionId: string;
	    configurationId: string;
	    params: Record<string, string>;
	    body: string;
	    maxPages: number;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.integrationId = source["integrationId"];
	        this.actionId = source["actionId"];
	        this.configurationId = source["configurationId"];
	        this.params = source["params"];
	        this.body = source["body"];
	        this.maxPages = source["maxPages"];
	    }
	}
	export class Run {
	    id: string;
	    integrationId: string;
	    actionId: string;
	    actionName: string;
	    configurationId: string;
	    // Go type: time
	    startedAt: any;
	    durationMs: number;
	    pagination: string;
	    complete: boolean;
	    stopReason: string;
	    error?: apperr.Error;
	    items: any[];
	    itemCount: number;
	    pages: paginate.PageTrace[];
	    transcript: Exchange[];
	    curl: string;
	
	    static createFrom(source: any = {}) {
	        return new Run(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.integrationId = source["integrationId"];
	        this.actionId = source["actionId"];
	        this.actionName = source["actionName"];
	        this.configurationId = source["configurationId"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.durationMs = source["durationMs"];
	        this.pagination = source["pagination"];
	        this.complete = source["complete"];
	        this.stopReason = source["stopReason"];
	        this.error = this.convertValues(source["error"], apperr.Error);
	        this.items = source["items"];
	        this.itemCount = source["itemCount"];
	        this.pages = this.convertValues(source["pages"], paginate.PageTrace);
	        this.transcript = this.convertValues(source["transcript"], Exchange);
	        this.curl = source["curl"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunSummary {
	    id: string;
	    configurationId: string;
	    // Go type: time
	    startedAt: any;
	    complete: boolean;
	    itemCount: number;
	
	    static createFrom(source: any = {}) {
	        return new RunSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.configurationId = source["configurationId"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.complete = source["complete"];
	        this.itemCount = source["itemCount"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace settings {
	
	export class Settings {
	    importLimitMb: number;
	    blueprintLimit: number;
	    localApiEnabled?: boolean;
	    localApiPort: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.importLimitMb = source["importLimitMb"];
	        this.blueprintLimit = source["blueprintLimit"];
	        this.localApiEnabled = source["localApiEnabled"];
	        this.localApiPort = source["localApiPort"];
	    }
	}

}

export namespace spec {
	
	export class AuthSuggestion {
	    method: string;
	    grantType?: string;
	    schemeName: string;
	    headerName?: string;
	    preamble?: string;
	    authorizationUrl?: string;
	    tokenUrl?: string;
	    refreshUrl?: string;
	    scopes?: string[];
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new AuthSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.grantType = source["grantType"];
	        this.schemeName = source["schemeName"];
	        this.headerName = source["headerName"];
	        this.preamble = source["preamble"];
	        this.authorizationUrl = source["authorizationUrl"];
	        this.tokenUrl = source["tokenUrl"];
	        this.refreshUrl = source["refreshUrl"];
	        this.scopes = source["scopes"];
	        this.evidence = source["evidence"];
	    }
	}
	export class HostSuggestion {
	    hostname: string;
	    basePath: string;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new HostSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hostname = source["hostname"];
	        this.basePath = source["basePath"];
	        this.evidence = source["evidence"];
	    }
	}
	export class PaginationSuggestion {
	    type: string;
	    resultsKey?: string;
	    pageSizeParam?: string;
	    indexParam?: string;
	    pageParam?: string;
	    afterParam?: string;
	    pointerPath?: string;
	    linkLocation?: string;
	    headerName?: string;
	    nextPageKey?: string;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new PaginationSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.resultsKey = source["resultsKey"];
	        this.pageSizeParam = source["pageSizeParam"];
	        this.indexParam = source["indexParam"];
	        this.pageParam = source["pageParam"];
	        this.afterParam = source["afterParam"];
	        this.pointerPath = source["pointerPath"];
	        this.linkLocation = source["linkLocation"];
	        this.headerName = source["headerName"];
	        this.nextPageKey = source["nextPageKey"];
	        this.evidence = source["evidence"];
	    }
	}
	export class Suggestions {
	    host?: HostSuggestion;
	    auth: AuthSuggestion[];
	    pagination?: PaginationSuggestion;
	
	    static createFrom(source: any = {}) {
	        return new Suggestions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = this.convertValues(source["host"], HostSuggestion);
	        this.auth = this.convertValues(source["auth"], AuthSuggestion);
	        this.pagination = this.convertValues(source["pagination"], PaginationSuggestion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace webhook {
	
	export class Attempt {
	    status: number;
	    latencyMs: number;
	    excerpt: string;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new Attempt(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.latencyMs = source["latencyMs"];
	        this.excerpt = source["excerpt"];
	        this.error = source["error"];
	    }
	}
	export class Created {
	    id: string;
	    url: string;
	    events: string[];
	    signed: boolean;
	    disabledReason?: string;
	    // Go type: time
	    createdAt: any;
	    signingKey?: string;
	
	    static createFrom(source: any = {}) {
	        return new Created(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.url = source["url"];
	        this.events = source["events"];
	        this.signed = source["signed"];
	        this.disabledReason = source["disabledReason"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.signingKey = source["signingKey"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Delivery {
	    id: string;
	    event: string;
	    messageId: string;
	    status: string;
	    attempts: number;
	    lastStatus: number;
	    lastError?: string;
	    lastLatencyMs: number;
	    // Go type: time
	    nextAttemptAt?: any;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Delivery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.event = source["event"];
	        this.messageId = source["messageId"];
	        this.status = source["status"];
	        this.attempts = source["attempts"];
	        this.lastStatus = source["lastStatus"];
	        this.lastError = source["lastError"];
	        this.lastLatencyMs = source["lastLatencyMs"];
	        this.nextAttemptAt = this.convertValues(source["nextAttemptAt"], null);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Input {
	    url: string;
	    events: string[];
	    signingKey?: string;
	    generateKey: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.events = source["events"];
	        this.signingKey = source["signingKey"];
	        this.generateKey = source["generateKey"];
	    }
	}
	export class Webhook {
	    id: string;
	    url: string;
	    events: string[];
	    signed: boolean;
	    disabledReason?: string;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Webhook(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.url = source["url"];
	        this.events = source["events"];
	        this.signed = source["signed"];
	        this.disabledReason = source["disabledReason"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

