{{/* Names: <release>-tollgate unless the release name already says tollgate. */}}
{{- define "tollgate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tollgate.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of one component's objects: <fullname>-api, <fullname>-worker (room left for the suffix). */}}
{{- define "tollgate.componentName" -}}
{{- printf "%s-%s" (include "tollgate.fullname" .root | trunc 56 | trimSuffix "-") .component -}}
{{- end -}}

{{- define "tollgate.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "tollgate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tollgate
{{- end -}}

{{/* Selector labels of one component (dict "root" $ "component" "api"). Never change them: a
Deployment's selector is immutable. */}}
{{- define "tollgate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tollgate.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "tollgate.componentLabels" -}}
{{ include "tollgate.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "tollgate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tollgate.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "tollgate.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* The URL clients reach the api at: publicUrl, else the first ingress host, else the Service. */}}
{{- define "tollgate.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl | trimSuffix "/" -}}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts -}}
{{- $host := (index .Values.ingress.hosts 0).host -}}
{{- $tls := false -}}
{{- range .Values.ingress.tls -}}{{- if has $host .hosts -}}{{- $tls = true -}}{{- end -}}{{- end -}}
{{- printf "%s://%s" (ternary "https" "http" $tls) $host -}}
{{- else -}}
{{- $port := int .Values.api.service.port -}}
{{- printf "http://%s.%s.svc%s" (include "tollgate.componentName" (dict "root" . "component" "api")) .Release.Namespace (ternary "" (printf ":%d" $port) (eq $port 80)) -}}
{{- end -}}
{{- end -}}

{{/* The query string of the MongoDB URL: replica set, write concern, further options, sorted. */}}
{{- define "tollgate.mongoQuery" -}}
{{- $m := .Values.mongo -}}
{{- $opts := dict -}}
{{- if $m.replicaSet }}{{- $_ := set $opts "replicaSet" $m.replicaSet -}}{{- end -}}
{{- with $m.writeConcern -}}
{{- if .w }}{{- $_ := set $opts "w" (toString .w) -}}{{- end -}}
{{- if hasKey . "journal" }}{{- $_ := set $opts "journal" (toString .journal) -}}{{- end -}}
{{- if .wtimeoutMS }}{{- $_ := set $opts "wtimeoutMS" (toString (int .wtimeoutMS)) -}}{{- end -}}
{{- end -}}
{{- range $k, $v := $m.options }}{{- $_ := set $opts $k (toString $v) -}}{{- end -}}
{{- $pairs := list -}}
{{- range $k := keys $opts | sortAlpha }}{{- $pairs = append $pairs (printf "%s=%s" $k (urlquery (get $opts $k))) -}}{{- end -}}
{{- join "&" $pairs -}}
{{- end -}}

{{/* The environment both processes share. Secrets come from Secrets by reference; the connection
URLs are assembled by the kubelet from them ($(VAR) expansion), so no credential is ever rendered. */}}
{{- define "tollgate.env" -}}
{{- $v := .Values -}}
- name: NODE_ENV
  value: production
- name: HOST
  value: 0.0.0.0
- name: PUBLIC_URL
  value: {{ include "tollgate.publicUrl" . | quote }}
- name: OPERATOR_KEY
  valueFrom:
    secretKeyRef:
      name: {{ required "secrets.existingSecret: name the Secret that holds OPERATOR_KEY and SECRET_PEPPER" $v.secrets.existingSecret }}
      key: {{ $v.secrets.operatorKeyKey }}
- name: SECRET_PEPPER
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.existingSecret }}
      key: {{ $v.secrets.secretPepperKey }}
{{- if $v.mongo.uriSecret.name }}
- name: MONGO_URL
  valueFrom:
    secretKeyRef:
      name: {{ $v.mongo.uriSecret.name }}
      key: {{ $v.mongo.uriSecret.key }}
{{- else }}
{{- if not $v.mongo.hosts }}{{ fail "mongo.hosts (or mongo.uriSecret.name) is required: the chart bundles no database" }}{{ end }}
{{- if and $v.mongo.srv (gt (len $v.mongo.hosts) 1) }}{{ fail "mongo.srv: give the one SRV host name in mongo.hosts" }}{{ end }}
{{- $cred := "" }}
{{- if $v.mongo.auth.existingSecret }}
{{- $cred = "$(MONGO_USERNAME):$(MONGO_PASSWORD)@" }}
- name: MONGO_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $v.mongo.auth.existingSecret }}
      key: {{ $v.mongo.auth.usernameKey }}
- name: MONGO_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.mongo.auth.existingSecret }}
      key: {{ $v.mongo.auth.passwordKey }}
{{- end }}
{{- $query := include "tollgate.mongoQuery" . }}
- name: MONGO_URL
  value: {{ printf "%s://%s%s/%s%s" (ternary "mongodb+srv" "mongodb" $v.mongo.srv) $cred (join "," $v.mongo.hosts) $v.mongo.database (ternary (printf "?%s" $query) "" (ne $query "")) | quote }}
{{- end }}
{{- $rcred := "" }}
{{- if $v.redis.auth.existingSecret }}
{{- if $v.redis.auth.usernameKey }}
- name: REDIS_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $v.redis.auth.existingSecret }}
      key: {{ $v.redis.auth.usernameKey }}
{{- $rcred = "$(REDIS_USERNAME):$(REDIS_PASSWORD)@" }}
{{- else }}
{{- $rcred = ":$(REDIS_PASSWORD)@" }}
{{- end }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.redis.auth.existingSecret }}
      key: {{ $v.redis.auth.passwordKey }}
{{- end }}
- name: REDIS_URL
  value: {{ printf "%s://%s%s:%d" (ternary "rediss" "redis" $v.redis.tls) $rcred (required "redis.host is required: the chart bundles no Redis" $v.redis.host) (int $v.redis.port) | quote }}
- name: REDIS_CLUSTER
  value: {{ $v.redis.cluster | quote }}
- name: REDIS_PREFIX
  value: {{ $v.redis.prefix | quote }}
- name: LOG_LEVEL
  value: {{ $v.config.logLevel | quote }}
- name: THROTTLE_REDIS_FAILURE
  value: {{ $v.config.throttleRedisFailure | quote }}
- name: STARTUP_TIMEOUT_MS
  value: {{ $v.config.startupTimeoutMs | int | quote }}
- name: REQUEST_TIMEOUT_MS
  value: {{ $v.config.requestTimeoutMs | int | quote }}
- name: HEADERS_TIMEOUT_MS
  value: {{ $v.config.headersTimeoutMs | int | quote }}
- name: WORKER_CONCURRENCY
  value: {{ $v.config.workerConcurrency | int | quote }}
- name: TOKEN_RETENTION_DAYS
  value: {{ $v.config.tokenRetentionDays | int | quote }}
- name: ALLOW_PRIVATE_WEBHOOKS
  value: {{ $v.config.allowPrivateWebhooks | quote }}
{{- range $name, $value := $v.extraEnv }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* BullMQ's wait list of a queue, as the queue lib names it: on a cluster the prefix is one hash
tag, so that every key of a queue lives in one slot. */}}
{{- define "tollgate.waitList" -}}
{{- if .root.Values.redis.cluster -}}
{{- printf "{%s-bull}:%s:wait" .root.Values.redis.prefix .queue -}}
{{- else -}}
{{- printf "%s:bull:%s:wait" .root.Values.redis.prefix .queue -}}
{{- end -}}
{{- end -}}

{{/* Spread a component's pods over nodes and zones when the scheduler can. */}}
{{- define "tollgate.topologySpread" -}}
{{- $c := .component -}}
{{- $root := .root -}}
{{- $constraints := .constraints -}}
{{- if $constraints }}
{{- toYaml $constraints }}
{{- else }}
{{- range $key := list "kubernetes.io/hostname" "topology.kubernetes.io/zone" }}
- maxSkew: 1
  topologyKey: {{ $key }}
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "tollgate.selectorLabels" (dict "root" $root "component" $c) | nindent 6 }}
{{- end }}
{{- end }}
{{- end -}}
