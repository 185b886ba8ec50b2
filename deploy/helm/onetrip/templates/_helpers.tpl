{{/* Names: <release>-onetrip-api / -worker (shortened to the 63 characters Kubernetes allows). */}}
{{- define "onetrip.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "onetrip.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component (api or worker): call with (dict "root" $ "component" "api"). */}}
{{- define "onetrip.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "onetrip.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* One variable from the keys Secret. */}}
{{- define "onetrip.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.secrets.existingSecret }}
      key: {{ .name }}
{{- end -}}

{{/* A half-set Temporal TLS configuration is refused here, as the apps refuse it at start. */}}
{{- define "onetrip.checkTemporal" -}}
{{- $tls := .Values.temporal.tls -}}
{{- if not .Values.secrets.existingSecret -}}
{{- fail "secrets.existingSecret: name the Secret holding DATABASE_URL, JWT_SECRET, DECISION_SIGNING_KEY and the key rings" -}}
{{- end -}}
{{- if and .Values.temporal.apiKey.existingSecret (not $tls.enabled) -}}
{{- fail "temporal.apiKey.existingSecret is set but temporal.tls.enabled is false: an API key is only sent over TLS" -}}
{{- end -}}
{{- if and $tls.clientCertificate (not $tls.existingSecret) -}}
{{- fail "temporal.tls.clientCertificate needs temporal.tls.existingSecret (the Secret with the certificate and its key)" -}}
{{- end -}}
{{- if and $tls.existingSecret (not $tls.enabled) -}}
{{- fail "temporal.tls.existingSecret is set but temporal.tls.enabled is false" -}}
{{- end -}}
{{- if and $tls.existingSecret (not $tls.caKey) (not $tls.clientCertificate) -}}
{{- fail "temporal.tls.existingSecret is set but neither temporal.tls.caKey nor temporal.tls.clientCertificate uses it" -}}
{{- end -}}
{{- end -}}

{{/* Environment both processes share: where PostgreSQL and Temporal are, how to connect, the keys. */}}
{{- define "onetrip.sharedEnv" -}}
{{- $tls := .Values.temporal.tls -}}
- name: NODE_ENV
  value: production
- name: LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
- name: DATABASE_POOL_SIZE
  value: {{ .Values.config.databasePoolSize | quote }}
- name: TEMPORAL_ADDRESS
  value: {{ .Values.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ .Values.temporal.namespace | quote }}
- name: TEMPORAL_TASK_QUEUE
  value: {{ .Values.temporal.taskQueue | quote }}
- name: TEMPORAL_TLS
  value: {{ ternary "true" "false" (not (not $tls.enabled)) | quote }}
{{- if $tls.enabled }}
{{- if $tls.serverName }}
- name: TEMPORAL_TLS_SERVER_NAME
  value: {{ $tls.serverName | quote }}
{{- end }}
{{- if and $tls.existingSecret $tls.caKey }}
- name: TEMPORAL_TLS_CA_FILE
  value: /etc/onetrip/temporal-tls/{{ $tls.caKey }}
{{- end }}
{{- if $tls.clientCertificate }}
- name: TEMPORAL_TLS_CERT_FILE
  value: /etc/onetrip/temporal-tls/{{ $tls.certKey }}
- name: TEMPORAL_TLS_KEY_FILE
  value: /etc/onetrip/temporal-tls/{{ $tls.keyKey }}
{{- end }}
{{- end }}
{{- if .Values.temporal.apiKey.existingSecret }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.temporal.apiKey.existingSecret }}
      key: {{ .Values.temporal.apiKey.key }}
{{- end }}
{{- range $name := list "DATABASE_URL" "DECISION_SIGNING_KEY" "TEMPORAL_PAYLOAD_KEYS" "TEMPORAL_PAYLOAD_KEY_ID" "PERSONAL_DATA_KEYS" "PERSONAL_DATA_KEY_ID" }}
{{ include "onetrip.secretEnv" (dict "root" $ "name" $name) }}
{{- end }}
{{- range $name, $value := .Values.config.extraEnv }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}
