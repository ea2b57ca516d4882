-- wrk script: POSTs an MCP tools/call JSON-RPC request on an initialised streamable HTTP session.
-- Environment: MCP_SESSION_ID (required), MCP_TOOL (default get_session_info).
local session = os.getenv("MCP_SESSION_ID")
local tool = os.getenv("MCP_TOOL") or "get_session_info"
local id = 1000

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Mcp-Session-Id"] = session

-- A fresh JSON-RPC id per request: requests of one session must not share ids.
request = function()
  id = id + 1
  return wrk.format(nil, nil, nil,
    '{"jsonrpc":"2.0","id":' .. id .. ',"method":"tools/call","params":{"name":"' .. tool .. '","arguments":{}}}')
end
