# Twenty open status pages: each thread reads the page data and /actuator/health every 5 s, as a page does.
import sys, threading, time, http.client
port = int(sys.argv[1]); n = int(sys.argv[2])
def tab():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while True:
        for path in ("/actuator/mcpstatus/data", "/actuator/health"):
            c.request("GET", path); r = c.getresponse(); r.read()
        time.sleep(5)
for _ in range(n):
    threading.Thread(target=tab, daemon=True).start()
while True: time.sleep(60)
