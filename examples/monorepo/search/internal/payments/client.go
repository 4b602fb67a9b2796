// Package payments is search's client of the payments API. It follows payments/api/payments.yaml,
// which is why delivery.yaml makes search depend on payments: a payments change redelivers search.
package payments

import (
	"net/http"
	"time"
)

type Client struct {
	baseURL string
	http    *http.Client
}

func NewClient(baseURL string) *Client {
	return &Client{baseURL: baseURL, http: &http.Client{Timeout: 2 * time.Second}}
}

// Reachable says whether payments answers its health check.
func (c *Client) Reachable() bool {
	resp, err := c.http.Get(c.baseURL + "/healthz")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
