{{/* The release name is the name of every object: one release per service and namespace. */}}
{{- define "service.name" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Labels the selector uses: they never change for the life of the release. */}}
{{- define "service.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "service.labels" -}}
{{ include "service.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/part-of: shop
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* The image, with the tag the pipeline deploys (deployService's imageTag writes image.tag). */}}
{{- define "service.image" -}}
{{- $tag := required "image.tag is empty: deploy with deployService's imageTag (the commit or release tag), never the chart's default" .Values.image.tag -}}
{{ printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
