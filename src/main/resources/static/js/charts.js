// Draws an ECharts chart in every <figure class="wm-chart">, from the figures of the table that is
// also its text alternative: the first cell of each body row names the period (or the person, team or
// org), and each column named in data-series (by its index, e.g. "3" or "1,2") is one series. The
// first series is drawn as bars; a second one as a line on its own axis on the right.
// data-chart-table: selector of the table (default: the table inside the figure);
// data-chart-horizontal: bars across, the first rows on top (leaderboards);
// data-chart-limit: at most that many rows.
(function () {
  'use strict';

  var RED = '#b71c1c';
  var BLUE = '#0a58ca';

  function number(text) {
    var value = parseFloat(String(text).replace(/[^0-9.\-]/g, ''));
    return isNaN(value) ? 0 : value;
  }

  function read(figure) {
    var selector = figure.getAttribute('data-chart-table');
    var table = selector ? document.querySelector(selector) : figure.querySelector('table');
    if (!table) {
      return null;
    }
    var columns = (figure.getAttribute('data-series') || '1').split(',').map(function (c) { return parseInt(c, 10); });
    var labelColumn = parseInt(figure.getAttribute('data-label-column') || '0', 10);
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var rows = Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
    var limit = parseInt(figure.getAttribute('data-chart-limit') || '0', 10);
    if (limit > 0) {
      rows = rows.slice(0, limit);
    }
    return {
      labels: rows.map(function (row) { return row.cells[labelColumn].textContent.trim(); }),
      series: columns.map(function (column) {
        return {
          name: heads[column] ? heads[column].textContent.trim() : '',
          values: rows.map(function (row) { return number(row.cells[column] ? row.cells[column].textContent : ''); })
        };
      })
    };
  }

  function option(figure, data) {
    var horizontal = figure.hasAttribute('data-chart-horizontal');
    var labels = horizontal ? data.labels.slice().reverse() : data.labels;
    var series = data.series.map(function (s, i) {
      return {
        name: s.name,
        type: i === 0 ? 'bar' : 'line',
        yAxisIndex: horizontal ? 0 : Math.min(i, 1),
        data: horizontal ? s.values.slice().reverse() : s.values,
        itemStyle: { color: i === 0 ? RED : BLUE },
        label: horizontal ? { show: true, position: 'right' } : undefined,
        barMaxWidth: 28
      };
    });
    var category = { type: 'category', data: labels, axisLabel: { hideOverlap: true } };
    var values = data.series.slice(0, horizontal ? 1 : 2).map(function (s, i) {
      return { type: 'value', name: s.name, minInterval: i === 1 ? 1 : 0, splitLine: { show: i === 0 } };
    });
    return {
      animation: false,
      aria: { enabled: false },
      tooltip: { trigger: 'axis' },
      legend: data.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: horizontal ? 48 : 8, top: data.series.length > 1 ? 40 : 24, bottom: 8, containLabel: true },
      xAxis: horizontal ? values[0] : category,
      yAxis: horizontal ? category : values,
      series: series
    };
  }

  function draw() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('figure.wm-chart').forEach(function (figure) {
      var canvas = figure.querySelector('.wm-chart-canvas');
      var data = read(figure);
      if (!canvas || !data || data.labels.length === 0) {
        return;
      }
      var chart = window.echarts.init(canvas, null, { renderer: 'svg' });
      chart.setOption(option(figure, data));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  }
  else {
    draw();
  }
})();
