/** A multi-document OpenSLO file: two services, a shared SLI, three SLOs (also in test/fixtures/slo/). */
export const OPENSLO_EXAMPLE = `# Two services, a shared SLI, and three SLOs: rolling Occurrences, calendar Timeslices, inline SLI.
apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
  displayName: Checkout
spec:
  description: Takes payments
---
apiVersion: openslo/v1
kind: Service
metadata:
  name: search
spec: {}
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-requests
  displayName: Checkout HTTP requests
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(http_requests_total{service="checkout",code!~"5.."})
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(http_requests_total{service="checkout"})
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  description: 99.9% of checkout requests succeed
  service: checkout
  indicatorRef: checkout-requests
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Available
      target: 0.999
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-minutes
spec:
  service: checkout
  indicatorRef: checkout-requests
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar:
        startTime: "2026-01-01 00:00:00"
        timeZone: Europe/Berlin
  budgetingMethod: Timeslices
  objectives:
    - targetPercent: 99.5
      timeSliceTarget: 0.95
      timeSliceWindow: 1m
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: search-latency
spec:
  service: search
  indicator:
    metadata:
      name: search-fast-requests
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: sum(search_requests_slow_total)
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(search_requests_total)
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
`;
