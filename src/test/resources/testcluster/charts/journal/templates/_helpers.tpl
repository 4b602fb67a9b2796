{{- define "journal.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
{{- define "journal.labels" -}}
app.kubernetes.io/name: journal
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
