(function () {
  'use strict';
  // Everything shown comes from users and upstreams: it only ever reaches the page as text nodes and attribute
  // values, never as markup.
  var refreshMillis = Number(document.body.getAttribute('data-refresh-millis')) || 5000;
  var base = location.pathname.replace(/\/+$/, '');
  var dataUrl = base + '/data';
  var healthUrl = base.replace(/[^\/]*$/, '') + 'health';
  var SVG = 'http://www.w3.org/2000/svg';
  var paused = false;
  var timer = null;
  var rendered = {};
  // The series that counts calls of tools the server does not have, whatever name the client sent.
  var UNKNOWN_TOOL = '_OTHER';

  function el(name, attrs, children) {
    var node = document.createElement(name);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (attrs[key] !== null && attrs[key] !== undefined) {
          node.setAttribute(key, attrs[key]);
        }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) {
        return;
      }
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function svg(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function badge(word, kind) {
    return el('span', { 'class': 'badge ' + kind }, [word]);
  }

  function table(caption, headings, rows, numeric) {
    var head = el('tr', null, headings.map(function (heading, i) {
      return el('th', { scope: 'col', 'class': numeric && numeric[i] ? 'num' : null }, [heading]);
    }));
    var body = rows.map(function (cells) {
      return el('tr', null, cells.map(function (cell, i) {
        var attrs = { 'data-label': headings[i], 'class': numeric && numeric[i] ? 'num' : null };
        if (i === 0) {
          attrs.scope = 'row';
          return el('th', attrs, [cell]);
        }
        return el('td', attrs, [cell]);
      }));
    });
    return el('table', { 'class': 'cards' }, [el('caption', null, [caption]), el('thead', null, [head]),
      el('tbody', null, body)]);
  }

  function empty(text) {
    return el('p', { 'class': 'empty' }, [text]);
  }

  function windowSeconds(iso) {
    var match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso || '');
    if (!match) {
      return null;
    }
    return (Number(match[1] || 0) * 3600) + (Number(match[2] || 0) * 60) + Number(match[3] || 0);
  }

  function duration(seconds) {
    var s = Math.round(seconds);
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) { return d + ' d ' + h + ' h'; }
    if (h > 0) { return h + ' h ' + m + ' min'; }
    if (m > 0) { return m + ' min ' + (s % 60) + ' s'; }
    return s + ' s';
  }

  function windowText(iso) {
    var seconds = windowSeconds(iso);
    return seconds ? duration(seconds).replace(/ 0 s$/, '') : 'since start';
  }

  function rate(calls, seconds) {
    if (!seconds) { return '-'; }
    var perSecond = calls / seconds;
    if (perSecond === 0) { return '0'; }
    return perSecond < 0.01 ? '< 0.01' : perSecond.toFixed(2);
  }

  function percent(ratio) {
    return (ratio === null || ratio === undefined) ? '-' : (Math.round(ratio * 1000) / 10) + ' %';
  }

  function ms(value) {
    return (value === null || value === undefined) ? '-' : value + ' ms';
  }

  function mib(bytes) {
    return (bytes === null || bytes === undefined) ? '-' : Math.round(bytes / 1048576) + ' MiB';
  }

  function time(iso) {
    if (!iso) { return '-'; }
    var date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : date.toLocaleTimeString();
  }

  function safeLink(url, text) {
    // Only web addresses become links; anything else (a relative path, a script URL) stays text.
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      return el('a', { href: url, rel: 'noopener noreferrer' }, [text]);
    }
    return el('span', null, [url ? text + ' (' + url + ')' : '-']);
  }

  function labels(map) {
    return Object.keys(map || {}).map(function (key) { return key + '=' + map[key]; }).join(', ') || '-';
  }

  function callsStatus(name, stats, labelKey, firing) {
    var alerted = firing.some(function (alert) { return alert.labels && alert.labels[labelKey] === name; });
    if (alerted) { return badge('ALERT', 'bad'); }
    if (stats.errors > 0) { return badge('ERRORS', 'warn'); }
    if (stats.calls === 0) { return badge('IDLE', 'idle'); }
    return badge('OK', 'ok');
  }

  function chart(series, activity) {
    var width = 150, height = 36, n = series.calls.length;
    // The hour is drawn as a fixed number of slots, newest on the right, so that bars keep their width as it fills.
    var slots = Math.max(n, Math.round(3600 / (windowSeconds(activity.step) || 60)));
    var maxCalls = Math.max.apply(null, series.calls.concat([1]));
    var latencies = series.p95Ms.filter(function (v) { return v !== null; });
    var maxLatency = Math.max.apply(null, latencies.concat([1]));
    var totalCalls = series.calls.reduce(function (a, b) { return a + b; }, 0);
    var totalErrors = series.errors.reduce(function (a, b) { return a + b; }, 0);
    var label = 'Last ' + duration((windowSeconds(activity.step) || 60) * n).replace(/ 0 s$/, '') + ': ' + totalCalls
      + ' calls, '
      + totalErrors + ' errors' + (latencies.length ? ', p95 up to ' + maxLatency + ' ms' : '');
    var root = svg('svg', { 'class': 'chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': label, preserveAspectRatio: 'none' });
    var title = svg('title', {});
    title.textContent = label;
    root.appendChild(title);
    root.appendChild(svg('line', { x1: '0', y1: String(height - 0.5), x2: String(width), y2: String(height - 0.5),
      'class': 'axis' }));
    var barWidth = width / slots;
    var points = [];
    for (var i = 0; i < n; i++) {
      var x = (slots - n + i) * barWidth;
      var callsHeight = (series.calls[i] / maxCalls) * (height - 2);
      var errorsHeight = (series.errors[i] / maxCalls) * (height - 2);
      if (callsHeight > 0) {
        root.appendChild(svg('rect', { x: x.toFixed(2), y: (height - callsHeight).toFixed(2),
          width: Math.max(barWidth - 0.5, 0.5).toFixed(2), height: callsHeight.toFixed(2), 'class': 'bar-calls' }));
      }
      if (errorsHeight > 0) {
        root.appendChild(svg('rect', { x: x.toFixed(2), y: (height - errorsHeight).toFixed(2),
          width: Math.max(barWidth - 0.5, 0.5).toFixed(2), height: errorsHeight.toFixed(2), 'class': 'bar-errors' }));
      }
      if (series.p95Ms[i] !== null) {
        points.push((x + barWidth / 2).toFixed(2) + ',' + (height - 1 - (series.p95Ms[i] / maxLatency) * (height - 4))
          .toFixed(2));
      }
    }
    if (points.length > 1) {
      root.appendChild(svg('polyline', { points: points.join(' '), 'class': 'line-latency' }));
    }
    return root;
  }

  function legend() {
    return el('p', { 'class': 'legend' }, [el('span', { 'class': 'key-calls' }, ['\u25A0 calls per minute']),
      el('span', { 'class': 'key-errors' }, ['\u25A0 errors']), el('span', { 'class': 'key-latency' },
        ['\u2500 p95 latency'])]);
  }

  function lastError(error) {
    if (!error) { return '-'; }
    return el('span', null, [el('span', null, [time(error.time) + ' ' + error.errorType
      + (error.clientError ? ' (client mistake)' : '')]), el('br'), el('span', { 'class': 'message' },
      [error.message || ''])]);
  }

  function renderAlerts(summary) {
    var alerts = summary.alerts;
    if (!alerts) {
      return [empty('The alert evaluator is off (mcp.monitoring.alerts.enabled=false).')];
    }
    var active = alerts.firing.concat(alerts.pending);
    var parts = [];
    if (active.length === 0) {
      parts.push(el('p', null, [badge('NONE', 'ok'), ' No alert is firing or pending.']));
    }
    else {
      parts.push(table('Alerts firing and pending', ['Alert', 'State', 'Severity', 'Summary', 'Labels', 'Since',
        'Runbook'], active.map(function (alert) {
        var firing = alert.state === 'firing';
        return [alert.name, badge(firing ? 'FIRING' : 'PENDING', firing ? (alert.severity === 'warning'
          || alert.severity === 'info' ? 'warn' : 'bad') : 'warn'), alert.severity, alert.summary || '-',
          labels(alert.labels), time(firing ? alert.firingSince : alert.activeSince),
          safeLink(alert.runbookUrl, 'Runbook for ' + alert.name)];
      })));
    }
    if (alerts.transitions.length > 0) {
      var details = el('details', { id: 'transitions' }, [el('summary', null, ['Last transitions (' +
        alerts.transitions.length + ')']), table('Latest alert state changes, most recent first', ['Time', 'Alert',
        'From', 'To', 'Value', 'Labels'], alerts.transitions.map(function (t) {
        return [time(t.time), t.name, t.from, t.to, t.value === undefined ? '-' : String(t.value),
          labels(t.labels)];
      }))]);
      parts.push(details);
    }
    return parts;
  }

  function renderCalls(kind, map, summary, activity) {
    var names = Object.keys(map || {});
    var seconds = windowSeconds(summary.window);
    var firing = summary.alerts ? summary.alerts.firing : [];
    if (names.length === 0) {
      return [empty(kind === 'tool' ? 'No tool has been called yet.' : 'No upstream API has been called yet.')];
    }
    if (kind === 'tool' && names.indexOf(UNKNOWN_TOOL) >= 0) {
      names = names.filter(function (name) { return name !== UNKNOWN_TOOL; }).concat([UNKNOWN_TOOL]);
    }
    var headings = [kind === 'tool' ? 'Tool' : 'API', 'Status', 'Calls/s', 'Calls', 'Errors', 'Error ratio', 'p50',
      'p95', kind === 'tool' ? 'In flight' : 'Failures in a row', 'Since start', 'Last hour', 'Last error'];
    var numeric = [false, false, true, true, true, true, true, true, true, true, false, false];
    var rows = names.map(function (name) {
      var stats = map[name];
      var series = activity && (kind === 'tool' ? activity.tools : activity.apis)[name];
      var shown = (kind === 'tool' && name === UNKNOWN_TOOL)
        ? el('span', { 'class': 'placeholder' }, ['unknown tools (names the server does not have)']) : name;
      return [shown, callsStatus(name, stats, kind === 'tool' ? 'gen_ai_tool_name' : 'name', firing)]
        .concat(callFigures(stats, seconds))
        .concat([String(kind === 'tool' ? stats.inFlight : stats.consecutiveFailures), sinceStart(stats),
          series ? chart(series, activity) : '-', lastError(stats.lastError)]);
    });
    return [table(callsCaption(summary.window, ''), headings, rows, numeric), legend()];
  }

  function renderMethods(map, summary) {
    var names = Object.keys(map || {});
    var seconds = windowSeconds(summary.window);
    var firing = summary.alerts ? summary.alerts.firing : [];
    if (names.length === 0) {
      return [empty('No MCP method other than tools/call has been called yet.')];
    }
    var headings = ['Method', 'Status', 'Calls/s', 'Calls', 'Errors', 'Error ratio', 'p50', 'p95', 'Since start'];
    var numeric = [false, false, true, true, true, true, true, true, true];
    var rows = names.map(function (name) {
      var stats = map[name];
      return [name, callsStatus(name, stats, 'mcp_method_name', firing)].concat(callFigures(stats, seconds))
        .concat([sinceStart(stats)]);
    });
    return [table(callsCaption(summary.window, ' Tool calls are under Tools.'), headings, rows, numeric)];
  }

  function callFigures(stats, seconds) {
    return [rate(stats.calls, seconds), String(stats.calls), String(stats.errors) + (stats.clientErrors ? ' + '
      + stats.clientErrors + ' client' : ''), percent(stats.errorRatio), ms(stats.p50Ms), ms(stats.p95Ms)];
  }

  function sinceStart(stats) {
    var total = stats.sinceStart || { calls: stats.calls, errors: stats.errors, clientErrors: stats.clientErrors };
    return total.calls + ' / ' + total.errors;
  }

  function callsCaption(windowIso, more) {
    return (windowSeconds(windowIso) ? 'Over the last ' + windowText(windowIso) : 'Since start')
      + ', up to the moment of reading.' + more
      + ' Errors leave out client mistakes, counted apart; since start: calls / errors.';
  }

  function healthStatus(status) {
    var kind = { UP: 'ok', WARNING: 'warn', DOWN: 'bad', OUT_OF_SERVICE: 'bad' }[status] || 'unknown';
    return badge(status || 'UNKNOWN', kind);
  }

  function detailsList(details) {
    var keys = Object.keys(details || {});
    if (keys.length === 0) { return '-'; }
    return el('dl', { 'class': 'details' }, keys.reduce(function (items, key) {
      var value = details[key];
      var text = (value !== null && typeof value === 'object') ? JSON.stringify(value) : String(value);
      items.push(el('dt', null, [key]));
      items.push(el('dd', null, [text.length > 300 ? text.slice(0, 300) + '...' : text]));
      return items;
    }, []));
  }

  function flatten(prefix, component, rows) {
    if (component.components) {
      Object.keys(component.components).forEach(function (name) {
        flatten(prefix ? prefix + '/' + name : name, component.components[name], rows);
      });
    }
    else {
      rows.push([prefix, healthStatus(component.status), detailsList(component.details)]);
    }
    return rows;
  }

  function renderHealth(health) {
    if (health.error) {
      return [empty('Health is not readable from here (' + health.error + '): expose the health endpoint, or '
        + 'sign in with the rights to read it.')];
    }
    var parts = [el('p', null, ['Overall: ', healthStatus(health.body.status)])];
    if (health.body.components) {
      parts.push(table('Health components', ['Component', 'Status', 'Details'],
        flatten('', health.body, [])));
    }
    else {
      parts.push(empty('Components are hidden: set management.endpoint.health.show-details (or show-components).'));
    }
    return parts;
  }

  function figure(term, value) {
    return el('div', null, [el('dt', null, [term]), el('dd', null, [value])]);
  }

  function renderProcess(process) {
    var heap = mib(process.heapUsedBytes) + (process.heapMaxBytes ? ' of ' + mib(process.heapMaxBytes) + ' ('
      + percent(process.heapUsedBytes / process.heapMaxBytes) + ')' : '');
    return [el('dl', { 'class': 'figures' }, [figure('Uptime', duration(process.uptimeSeconds)),
      figure('Heap used', heap), figure('Process CPU', percent(process.processCpu)),
      figure('Machine CPU', percent(process.systemCpu))])];
  }

  function renderErrors(errors) {
    if (errors.length === 0) {
      return [empty('No failed call is kept.')];
    }
    return [table('The latest failed calls, most recent first', ['Time', 'Kind', 'Name', 'Error type',
      'Client mistake', 'Message'], errors.map(function (error) {
      return [time(error.time), error.kind, error.name, error.errorType, error.clientError ? 'yes' : 'no',
        el('span', { 'class': 'message' }, [error.message || ''])];
    }))];
  }

  function replace(id, key, parts) {
    // Unchanged sections are left alone, so that focus, scrolling and open details survive a refresh.
    var json = JSON.stringify(key);
    if (rendered[id] === json) {
      return;
    }
    rendered[id] = json;
    var target = document.getElementById(id);
    var open = {};
    Array.prototype.forEach.call(target.querySelectorAll('details[id]'), function (d) { open[d.id] = d.open; });
    while (target.firstChild) {
      target.removeChild(target.firstChild);
    }
    parts.forEach(function (part) { target.appendChild(part); });
    Object.keys(open).forEach(function (detailsId) {
      var details = document.getElementById(detailsId);
      if (details) { details.open = open[detailsId]; }
    });
  }

  function overall(summary, health) {
    var alerts = summary.alerts || { firing: [], pending: [] };
    var severe = alerts.firing.some(function (a) { return a.severity === 'critical' || a.severity === 'error'; });
    var status = health.body ? health.body.status : null;
    if (status === 'DOWN' || status === 'OUT_OF_SERVICE') { return ['DOWN', 'bad']; }
    if (severe) { return ['ALERT FIRING', 'bad']; }
    if (alerts.firing.length > 0 || status === 'WARNING') { return ['WARNING', 'warn']; }
    if (alerts.pending.length > 0) { return ['ALERT PENDING', 'warn']; }
    return ['OK', 'ok'];
  }

  function setOverall(word, kind) {
    var node = document.getElementById('overall');
    if (node.textContent !== word) {
      node.textContent = word;
    }
    node.className = 'badge ' + kind;
  }

  function problem(text) {
    var node = document.getElementById('problem');
    node.hidden = !text;
    if (node.textContent !== (text || '')) {
      node.textContent = text || '';
    }
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) {
        // The health endpoint answers 503 with its body when the application is down.
        if (!response.ok && response.status !== 503) {
          return { error: 'HTTP ' + response.status };
        }
        return response.json().then(function (body) { return { body: body }; });
      });
  }

  function refresh() {
    timer = null;
    if (paused || document.hidden) {
      return;
    }
    Promise.all([getJson(dataUrl), getJson(healthUrl).catch(function () { return { error: 'unreachable' }; })])
      .then(function (answers) {
        var data = answers[0], health = answers[1];
        if (data.error) {
          throw new Error(data.error);
        }
        var status = data.body, summary = status.summary;
        replace('alerts-body', summary.alerts || null, renderAlerts(summary));
        replace('tools-body', [summary.tools, summary.window, status.activity.tools, summary.alerts],
          renderCalls('tool', summary.tools, summary, status.activity));
        replace('methods-body', [summary.methods, summary.window, summary.alerts],
          renderMethods(summary.methods, summary));
        replace('apis-body', [summary.apis, summary.window, status.activity.apis, summary.alerts],
          renderCalls('api', summary.apis, summary, status.activity));
        replace('health-body', health, renderHealth(health));
        replace('process-body', status.process, renderProcess(status.process));
        replace('errors-body', summary.recentErrors, renderErrors(summary.recentErrors));
        var state = overall(summary, health);
        setOverall(state[0], state[1]);
        document.getElementById('updated').textContent = 'Updated ' + time(status.time) + ', every '
          + Math.round(refreshMillis / 1000) + ' s.';
        problem(null);
      })
      .catch(function (error) {
        setOverall('STALE', 'unknown');
        problem('Could not read the status (' + error.message + '); what is shown may be out of date.');
      })
      .then(schedule);
  }

  function schedule() {
    if (timer === null && !paused) {
      timer = setTimeout(refresh, refreshMillis);
    }
  }

  document.getElementById('pause').addEventListener('click', function () {
    paused = !paused;
    this.setAttribute('aria-pressed', String(paused));
    this.textContent = paused ? 'Resume updates' : 'Pause updates';
    if (paused && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (!paused) {
      refresh();
    }
  });

  // A tab in the background asks the server for nothing.
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && !paused) {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      refresh();
    }
  });

  refresh();
}());
