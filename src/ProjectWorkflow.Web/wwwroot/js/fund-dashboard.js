// The fund dashboard's charts (ECharts), each drawn from the table under it: the rows' headers are the categories,
// the columns marked data-series the series, and each cell's data-value its number. The table stays the figure of
// record (exact, accessible, exported to Excel); the chart is its picture.
(() => {
  if (!window.echarts) return;
  const charts = [];
  for (const host of document.querySelectorAll('[data-chart-for]')) {
    const table = document.getElementById(host.dataset.chartFor);
    if (!table) continue;
    const headers = [...table.tHead.rows[0].cells];
    const seriesColumns = headers.map((cell, index) => (cell.hasAttribute('data-series') ? index : -1)).filter((i) => i >= 0);
    const rows = [...table.tBodies[0].rows];
    if (rows.length === 0) {
      host.hidden = true;
      continue;
    }
    const categories = rows.map((row) => row.cells[0].textContent.trim());
    const stacked = table.dataset.chart === 'stacked-bar';
    const series = seriesColumns.map((column) => ({
      name: headers[column].textContent.trim(),
      type: 'bar',
      stack: stacked ? 'total' : undefined,
      data: rows.map((row) => {
        const value = row.cells[column] && row.cells[column].dataset.value;
        return value === undefined || value === '' ? null : Number(value);
      }),
    }));
    const chart = window.echarts.init(host, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value' },
      series,
    });
    host.dataset.rendered = 'true';
    charts.push(chart);
  }
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
})();
