import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Chart, ChartType } from 'chart.js';

export interface ChartSeries {
  label: string;
  /** Percentages; null where the rule applies to nobody. */
  values: (number | null)[];
}

export interface ChartSpec {
  type: Extract<ChartType, 'bar' | 'line'>;
  categories: string[];
  series: ChartSeries[];
}

/** Distinguishable in print and for the common colour-vision deficiencies (Okabe–Ito, darkened). */
const PALETTE = ['#0b5fa5', '#d55e00', '#009e73', '#7a3f9e', '#b8860b', '#cc3d7f', '#3b7d8c', '#5e5e5e'];

/**
 * A Chart.js chart of percentages. Chart.js is imported here, on first render, so that it lands in this
 * route's lazy chunk and nowhere else. The table beside every chart carries the same figures as text.
 */
@Component({
  selector: 'enc-coverage-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="frame" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="description()"></canvas>
    </div>
    @if (failed()) {
      <p class="failed">The chart could not be drawn; the table shows the same figures.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      width: 100%;
    }
    .failed {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CoverageChart {
  readonly spec = input.required<ChartSpec>();
  /** What the chart shows, for screen readers: the figures themselves are in the table. */
  readonly description = input.required<string>();
  readonly height = input(320);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly failed = signal(false);
  private chart: Chart | null = null;
  private destroyed = false;

  constructor() {
    effect(() => {
      const spec = this.spec();
      const canvas = this.canvas().nativeElement;
      void this.draw(canvas, spec);
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.chart?.destroy();
    });
  }

  private async draw(canvas: HTMLCanvasElement, spec: ChartSpec): Promise<void> {
    try {
      const { default: ChartJs } = await import('chart.js/auto');
      if (this.destroyed) return;
      this.chart?.destroy();
      this.chart = new ChartJs(canvas, {
        type: spec.type,
        data: {
          labels: spec.categories,
          datasets: spec.series.map((series, index) => ({
            label: series.label,
            data: series.values,
            backgroundColor: PALETTE[index % PALETTE.length],
            borderColor: PALETTE[index % PALETTE.length],
            borderWidth: spec.type === 'line' ? 2 : 0,
            pointRadius: spec.type === 'line' ? 4 : 0,
            spanGaps: true,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            y: {
              min: 0,
              max: 100,
              ticks: { callback: (value) => `${value}%` },
              title: { display: true, text: 'Learners meeting the rule' },
            },
          },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: {
              callbacks: {
                label: (item) =>
                  `${item.dataset.label}: ${item.raw === null ? 'does not apply' : `${item.formattedValue}%`}`,
              },
            },
          },
        },
      });
      this.failed.set(false);
    } catch {
      this.failed.set(true);
    }
  }
}
