// Draws the dashboard's charts from the JSON block each page renders beside them (the page is the source of truth).
(function () {
  'use strict';
  var STEP_COLOURS = ['rgba(120,120,120,0.08)', 'rgba(46,139,87,0.12)', 'rgba(218,165,32,0.15)', 'rgba(178,34,34,0.12)'];

  function data(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  }

  function drawPainChart(element, chart) {
    var background = chart.scores.filter(function (s) { return s.kind === 'background'; });
    var breakthrough = chart.scores.filter(function (s) { return s.kind === 'breakthrough'; });
    var events = chart.regimenChanges.map(function (e) { return { xAxis: e.at, name: e.label, lineStyle: { color: '#0b5cad' } }; })
      .concat(chart.procedures.map(function (e) { return { xAxis: e.at, name: e.label, lineStyle: { color: '#6a1b9a', type: 'solid', width: 2 } }; }));
    var bands = chart.steps.map(function (band) {
      return [{ xAxis: band.from, name: 'Step ' + band.step, itemStyle: { color: STEP_COLOURS[band.step] } }, { xAxis: band.to }];
    });
    echarts.init(element).setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 48, bottom: 40 },
      xAxis: { type: 'time', min: chart.from, max: chart.to },
      yAxis: [{ type: 'value', name: 'Score', min: 0, max: 10, interval: 2 },
              { type: 'value', name: 'Episodes', minInterval: 1, splitLine: { show: false } }],
      series: [
        { name: 'Background score', type: 'scatter', symbolSize: 6, itemStyle: { color: '#1b1f24' },
          data: background.map(function (s) { return [s.at, s.score]; }),
          markArea: { silent: true, label: { position: 'insideTop', color: '#4a5360' }, data: bands },
          markLine: { symbol: 'none', label: { formatter: '{b}', rotate: 90, fontSize: 10 }, data: events } },
        { name: 'Breakthrough score', type: 'scatter', symbol: 'triangle', symbolSize: 8, itemStyle: { color: '#a4161a' },
          data: breakthrough.map(function (s) { return [s.at, s.score]; }) },
        { name: 'Daily mean', type: 'line', connectNulls: false, itemStyle: { color: '#0b5cad' },
          data: chart.daily.map(function (d) { return [d.at, d.mean]; }) },
        { name: 'Daily max', type: 'line', lineStyle: { type: 'dashed' }, itemStyle: { color: '#8a4b00' },
          data: chart.daily.map(function (d) { return [d.at, d.max]; }) },
        { name: 'Breakthrough episodes (24 h)', type: 'bar', yAxisIndex: 1, barMaxWidth: 6, itemStyle: { color: 'rgba(164,22,26,0.45)' },
          data: chart.daily.map(function (d) { return [d.at, d.breakthroughEpisodes]; }) }
      ]
    });
    element.setAttribute('data-rendered', 'true');
  }

  function drawCohortCharts(stepsElement, refractoryElement, stats) {
    var steps = Object.keys(stats.byStep);
    echarts.init(stepsElement).setOption({
      animation: false, aria: { enabled: true }, tooltip: {},
      grid: { left: 48, right: 24, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: steps.map(function (s) { return 'Step ' + s; }) },
      yAxis: { type: 'value', name: 'Patients', minInterval: 1 },
      series: [{ name: 'Active patients', type: 'bar', itemStyle: { color: '#0b5cad' },
                 data: steps.map(function (s) { return stats.byStep[s]; }) }]
    });
    stepsElement.setAttribute('data-rendered', 'true');
    var low = stats.expectedRefractoryRange[0] * 100, high = stats.expectedRefractoryRange[1] * 100;
    var fraction = stats.refractoryFraction * 100;
    echarts.init(refractoryElement).setOption({
      animation: false, aria: { enabled: true },
      grid: { left: 110, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'value', min: 0, max: Math.max(40, Math.ceil(fraction / 10) * 10), name: '%' },
      yAxis: { type: 'category', data: ['Refractory'] },
      series: [{ name: 'Refractory fraction', type: 'bar', barWidth: 24, itemStyle: { color: '#a4161a' },
                 data: [Math.round(fraction * 10) / 10],
                 label: { show: true, position: 'right', formatter: '{c} %' },
                 markArea: { silent: true, itemStyle: { color: 'rgba(46,139,87,0.18)' },
                             label: { show: true, position: 'insideTop', formatter: 'expected' },
                             data: [[{ xAxis: low }, { xAxis: high }]] } }]
    });
    refractoryElement.setAttribute('data-rendered', 'true');
  }

  var painChart = document.getElementById('pain-chart');
  if (painChart) {
    drawPainChart(painChart, data('pain-chart-data'));
  }
  var cohortChart = document.getElementById('cohort-chart');
  if (cohortChart) {
    drawCohortCharts(cohortChart, document.getElementById('refractory-chart'), data('cohort-chart-data'));
  }
  window.addEventListener('resize', function () {
    document.querySelectorAll('.chart').forEach(function (element) {
      var instance = echarts.getInstanceByDom(element);
      if (instance) { instance.resize(); }
    });
  });
}());
