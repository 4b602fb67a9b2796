{{- define "ledger.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
{{- define "ledger.labels" -}}
app.kubernetes.io/name: ledger
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
